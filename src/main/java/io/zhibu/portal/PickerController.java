package io.zhibu.portal;

import io.zhibu.meeting.MeetingRecords.MeetingSummary;
import io.zhibu.meeting.MeetingService;
import io.zhibu.member.MemberFilter;
import io.zhibu.member.MemberService;
import io.zhibu.org.OrgService;
import io.zhibu.org.OrgType;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pickers of the forms (an organization, a member by name or pinyin initials, a meeting) so nobody types an
 * internal number: htmx asks for suggestions as the user types and gets an HTML list (no JSON outside /api). Every
 * suggestion comes through the module's scoped service, so a picker never offers anything outside the caller's scope.
 */
@Controller
public class PickerController {
    static final int LIMIT = 12;
    private final OrgService orgs;
    private final MemberService members;
    private final MeetingService meetings;

    public PickerController(OrgService orgs, MemberService members, MeetingService meetings) {
        this.orgs = orgs;
        this.members = members;
        this.meetings = meetings;
    }

    /** One suggestion: the id that goes into the form, the label shown, and a hint (branch, date, type). */
    public record Option(long id, String label, String hint) {
    }

    @GetMapping("/pick/{kind}")
    public String pick(@PathVariable String kind, @RequestParam(required = false) String q,
                       @RequestParam(required = false) String types, @RequestParam(required = false) Long orgId,
                       Model model) {
        DataScope scope = CurrentScope.get();
        String text = q == null ? "" : q.strip();
        List<Option> out = switch (kind) {
            case "orgs" -> orgs(scope, text, types);
            case "members" -> members(scope, text, orgId);
            case "meetings" -> meetings(scope, text, orgId);
            default -> throw new io.zhibu.shared.NotFoundException("picker", kind);
        };
        model.addAttribute("options", out);
        model.addAttribute("q", text);
        return "fragments/picker :: options";
    }

    private List<Option> orgs(DataScope scope, String q, String types) {
        if (!scope.canReadOrgs()) {
            throw new ForbiddenException("no organizations for this role");
        }
        Set<OrgType> wanted = EnumSet.noneOf(OrgType.class);
        if (types != null) {
            for (String t : types.split(",")) {
                try {
                    wanted.add(OrgType.valueOf(t.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw io.zhibu.shared.InvalidInputException.of("types", "validation.invalid");
                }
            }
        }
        return orgs.search(scope, q, wanted.isEmpty() ? EnumSet.allOf(OrgType.class) : wanted, LIMIT).stream()
                .map(o -> new Option(o.id(), o.name(), o.code())).toList();
    }

    private List<Option> members(DataScope scope, String q, Long orgId) {
        if (!scope.canManageMembers()) {
            throw new ForbiddenException("members are picked by those who manage them");
        }
        if (q.isEmpty() && orgId == null) {
            return List.of();
        }
        MemberFilter f = new MemberFilter(orgId, q.isEmpty() ? null : q, null, null, null, null, null);
        return members.search(scope, f, 0, LIMIT).items().stream()
                .map(m -> new Option(m.id(), m.name(), m.orgName())).toList();
    }

    private List<Option> meetings(DataScope scope, String q, Long orgId) {
        if (!scope.canManageMembers()) {
            throw new ForbiddenException("meetings are picked by those who manage them");
        }
        List<Option> out = new ArrayList<>();
        for (MeetingSummary m : meetings.list(scope, orgId, 0, 50).items()) {
            if (q.isEmpty() || m.title().contains(q)) {
                out.add(new Option(m.id(), m.title(), m.startsAt().toLocalDate() + " · " + m.orgName()));
            }
            if (out.size() == LIMIT) {
                break;
            }
        }
        return out;
    }
}
