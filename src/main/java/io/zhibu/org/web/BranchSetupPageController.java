package io.zhibu.org.web;

import io.zhibu.org.BranchSetupRequests;
import io.zhibu.org.BranchSetupRules;
import io.zhibu.org.OrgDomain;
import io.zhibu.org.OrgType;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.web.Messages;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of 成立党支部 (R1.1): the list with the application form, and one request with its history and decision. */
@Controller
public class BranchSetupPageController {
    private final BranchSetupRequests requests;
    private final Messages messages;

    public BranchSetupPageController(BranchSetupRequests requests, Messages messages) {
        this.requests = requests;
        this.messages = messages;
    }

    @GetMapping("/orgs/setup-requests")
    public String list(@RequestParam(required = false) BranchSetupRules.Status status, Model model) {
        var scope = CurrentScope.get();
        model.addAttribute("requests", requests.list(scope, status));
        model.addAttribute("status", status);
        model.addAttribute("scopeOrgId", scope.scopeOrgId());
        model.addAttribute("types", List.of(OrgType.BRANCH, OrgType.JOINT_BRANCH, OrgType.TEMPORARY_BRANCH));
        model.addAttribute("domains", OrgDomain.values());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "orgs/setup-requests";
    }

    @PostMapping("/orgs/setup-requests")
    public String submit(@RequestParam(required = false) Long parentId, @RequestParam(required = false) String name,
                         @RequestParam(required = false) OrgType type, @RequestParam(required = false) OrgDomain domain,
                         @RequestParam(required = false) String hostUnit, @RequestParam(required = false) String reason,
                         @RequestParam(required = false) String memberIds, Model model, RedirectAttributes flash) {
        try {
            List<Long> ids = memberIds == null || memberIds.isBlank() ? List.of()
                    : Arrays.stream(memberIds.split("[,，\\s]+")).filter(s -> !s.isBlank()).map(Long::valueOf).toList();
            var v = requests.submit(CurrentScope.get(), new BranchSetupRequests.Request(parentId, name, type, domain,
                    hostUnit, reason, ids));
            flash.addFlashAttribute("notice", messages.get("setup.submitted"));
            return "redirect:/orgs/setup-requests/" + v.id();
        } catch (NumberFormatException e) {
            model.addAttribute("errors", Map.of("memberIds", messages.get("validation.invalid")));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", messages.fieldErrors(e.violations()));
        }
        return list(null, model);
    }

    @GetMapping("/orgs/setup-requests/{id}")
    public String detail(@PathVariable long id, Model model) {
        model.addAttribute("r", requests.get(CurrentScope.get(), id));
        return "orgs/setup-request";
    }

    @PostMapping("/orgs/setup-requests/{id}/decision")
    public String decide(@PathVariable long id, @RequestParam(required = false) BranchSetupRules.Action action,
                         @RequestParam(required = false) Integer version, @RequestParam(required = false) String note,
                         RedirectAttributes flash) {
        try {
            var v = requests.decide(CurrentScope.get(), id, new BranchSetupRequests.Decision(action, version, note));
            flash.addFlashAttribute("notice", messages.get("setup.status." + v.status()));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("actionErrors", List.copyOf(messages.fieldErrors(e.violations()).values()));
        } catch (ConflictException e) {
            flash.addFlashAttribute("actionErrors", List.of(messages.get(e.code(), e.args())));
        }
        return "redirect:/orgs/setup-requests/" + id;
    }
}
