package io.zhibu.portal;

import io.zhibu.member.MemberService;
import io.zhibu.org.OrgService;
import io.zhibu.org.Organization;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.Role;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
public class HomeController {
    private final OrgService orgs;
    private final MemberService members;

    public HomeController(OrgService orgs, MemberService members) {
        this.orgs = orgs;
        this.members = members;
    }

    @GetMapping("/login")
    public String login() {
        return "login";
    }

    /** Each role's home: the scope organization's figures, or the member's own record. */
    @GetMapping("/")
    public String home(Model model) {
        DataScope scope = CurrentScope.get();
        model.addAttribute("role", scope.role().name());
        if (scope.role() == Role.MEMBER && scope.selfMemberId() != null) {
            model.addAttribute("me", members.get(scope, scope.selfMemberId()));
        }
        if (scope.canReadOrgs()) {
            List<Organization> roots = orgs.scopeRoots(scope);
            model.addAttribute("roots", roots.stream().map(o -> orgs.detail(scope, o.id())).toList());
        }
        return "home";
    }
}
