package io.zhibu.org.web;

import io.zhibu.org.OrgTermDeferrals;
import io.zhibu.org.TermDeferralRules;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.web.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of 延期换届 (R1.7): the request form on the terms page, the superior's inbox and its decisions. */
@Controller
public class OrgDeferralPageController {
    private final OrgTermDeferrals deferrals;
    private final Messages messages;

    public OrgDeferralPageController(OrgTermDeferrals deferrals, Messages messages) {
        this.deferrals = deferrals;
        this.messages = messages;
    }

    @PostMapping("/orgs/{id}/term-deferrals")
    public String request(@PathVariable long id, @RequestParam(required = false) Integer months,
                          @RequestParam(required = false) String reason, RedirectAttributes flash) {
        try {
            deferrals.request(CurrentScope.get(), id, new OrgTermDeferrals.Request(months, reason));
            flash.addFlashAttribute("notice", messages.get("deferral.requested"));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("errors", messages.fieldErrors(e.violations()));
        } catch (ConflictException e) {
            flash.addFlashAttribute("errors", java.util.Map.of("months", messages.get(e.code(), e.args())));
        }
        return "redirect:/orgs/" + id + "/terms";
    }

    @GetMapping("/orgs/term-deferrals")
    public String inbox(@RequestParam(required = false) TermDeferralRules.Status status, Model model) {
        model.addAttribute("deferrals", deferrals.inScope(CurrentScope.get(), status));
        model.addAttribute("status", status);
        return "orgs/term-deferrals";
    }

    @PostMapping("/term-deferrals/{id}/decision")
    public String decide(@PathVariable long id, @RequestParam(required = false) TermDeferralRules.Action action,
                         @RequestParam(required = false) Integer version, @RequestParam(required = false) String note,
                         RedirectAttributes flash) {
        try {
            var v = deferrals.decide(CurrentScope.get(), id, new OrgTermDeferrals.Decision(action, version, note));
            flash.addFlashAttribute("notice", messages.get("deferral.status." + v.status()));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("actionErrors", java.util.List.copyOf(messages.fieldErrors(e.violations()).values()));
        } catch (ConflictException e) {
            flash.addFlashAttribute("actionErrors", java.util.List.of(messages.get(e.code(), e.args())));
        }
        return "redirect:/orgs/term-deferrals";
    }
}
