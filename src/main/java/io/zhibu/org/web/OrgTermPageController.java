package io.zhibu.org.web;

import io.zhibu.org.ElectionForm;
import io.zhibu.org.OrgService;
import io.zhibu.org.OrgTerms;
import io.zhibu.org.TermForm;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.VoteArithmetic;
import io.zhibu.shared.web.Messages;
import java.time.LocalDate;
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

/** Pages: an org's terms, committee and election record; the reminder list for superiors. */
@Controller
public class OrgTermPageController {
    private final OrgTerms terms;
    private final OrgService orgs;
    private final Messages messages;

    private final io.zhibu.org.OrgTermDeferrals deferrals;

    public OrgTermPageController(OrgTerms terms, OrgService orgs, Messages messages,
                                 io.zhibu.org.OrgTermDeferrals deferrals) {
        this.deferrals = deferrals;
        this.terms = terms;
        this.orgs = orgs;
        this.messages = messages;
    }

    @GetMapping("/orgs/{id}/terms")
    public String terms(@PathVariable long id, Model model) {
        DataScope scope = CurrentScope.get();
        model.addAttribute("org", orgs.get(scope, id));
        model.addAttribute("terms", terms.terms(scope, id));
        model.addAttribute("elections", terms.elections(scope, id));
        model.addAttribute("deferrals", deferrals.ofOrg(scope, id)); // R1.7
        model.addAttribute("maxDeferralMonths", io.zhibu.org.TermDeferralRules.MAX_MONTHS);
        model.addAttribute("canManage", scope.canManageMembers());
        model.addAttribute("roster", scope.canManageMembers() ? terms.roster(id) : java.util.List.of()); // pickers by member id (R1.4)
        model.addAttribute("today", LocalDate.now());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "orgs/terms";
    }

    @PostMapping("/orgs/{id}/terms")
    public String open(@PathVariable long id, TermForm form, Model model, RedirectAttributes flash) {
        try {
            terms.openTerm(CurrentScope.get(), id, form);
            flash.addFlashAttribute("notice", messages.get("term.opened"));
            return "redirect:/orgs/" + id + "/terms";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", messages.fieldErrors(e.violations()));
            return terms(id, model);
        }
    }

    @PostMapping("/orgs/{id}/elections")
    public String elect(@PathVariable long id, @RequestParam(required = false) LocalDate heldOn,
                        @RequestParam(required = false) Integer votersDue, @RequestParam(required = false) Integer votersPresent,
                        @RequestParam(required = false) Integer seats, @RequestParam(required = false) Integer candidates,
                        @RequestParam(required = false) Integer ballotsIssued,
                        @RequestParam(required = false) Integer ballotsReturned,
                        @RequestParam(required = false) VoteArithmetic.MajorityBase majorityBase,
                        @RequestParam(required = false) String result, @RequestParam(required = false) String electedVotes,
                        @RequestParam(required = false) String secretary, @RequestParam(required = false) Long secretaryId,
                        Model model, RedirectAttributes flash) {
        try {
            List<Integer> votes = electedVotes == null || electedVotes.isBlank() ? List.of()
                    : Arrays.stream(electedVotes.split("[,，\\s]+")).filter(s -> !s.isBlank()).map(Integer::valueOf).toList();
            var v = terms.recordElection(CurrentScope.get(), id, new ElectionForm(heldOn, votersDue, votersPresent, seats,
                    candidates, ballotsIssued, ballotsReturned, majorityBase, result, votes,
                    new TermForm(heldOn, null, secretary, null, null, null, null, secretaryId, null, null, null, null)));
            flash.addFlashAttribute("notice", messages.get(v.valid() ? "term.election.valid" : "term.election.invalid"));
            return "redirect:/orgs/" + id + "/terms";
        } catch (NumberFormatException e) {
            model.addAttribute("errors", Map.of("electedVotes", messages.get("term.votes.format")));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", messages.fieldErrors(e.violations()));
        }
        return terms(id, model);
    }

    @GetMapping("/orgs/term-reminders")
    public String due(@RequestParam(required = false) String q, @RequestParam(required = false) io.zhibu.org.TermReminder reminder,
                      @RequestParam(required = false) Integer page, Model model) {
        // a county's terms due are dozens of branches: the summary counts all, the table shows one page of the filtered
        List<io.zhibu.org.TermView> all = terms.due(CurrentScope.get());
        Map<io.zhibu.org.TermReminder, Long> byReminder = new java.util.EnumMap<>(io.zhibu.org.TermReminder.class);
        all.forEach(t -> byReminder.merge(t.reminder(), 1L, Long::sum));
        List<io.zhibu.org.TermView> rows = io.zhibu.shared.web.ListPages.named(all, q, io.zhibu.org.TermView::orgName);
        if (reminder != null) {
            rows = rows.stream().filter(t -> t.reminder() == reminder).toList();
        }
        model.addAttribute("totalCount", all.size());
        model.addAttribute("byReminder", byReminder);
        model.addAttribute("due", io.zhibu.shared.web.ListPages.page(rows, page, io.zhibu.shared.web.ListPages.PAGE_SIZE));
        model.addAttribute("q", q);
        model.addAttribute("reminder", reminder);
        model.addAttribute("pageBase", io.zhibu.shared.web.ListPages.base("/orgs/term-reminders", "q", q, "reminder", reminder));
        return "orgs/term-reminders";
    }
}
