package io.zhibu.serving.web;

import io.zhibu.serving.AidService;
import io.zhibu.serving.AidService.AidForm;
import io.zhibu.serving.AidService.DecisionForm;
import io.zhibu.serving.AidService.PaymentForm;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.web.Messages;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 困难党员帮扶 page: a member's own applications (and applying on the phone); the branch's applications; a superior's
 * ledger with the totals per year, decisions and payments.
 */
@Controller
@RequestMapping("/serving/aid")
public class AidPageController {
    private final AidService aid;
    private final Messages messages;
    private final Clock clock;

    public AidPageController(AidService aid, Messages messages, Clock clock) {
        this.aid = aid;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    public String page(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
                       @RequestParam(required = false) Integer page, Model model) {
        DataScope scope = CurrentScope.get();
        model.addAttribute("member", scope.selfOnly());
        model.addAttribute("today", LocalDate.now(clock));
        if (scope.selfOnly()) {
            model.addAttribute("mine", aid.mine(scope));
            return "serving/aid";
        }
        model.addAttribute("ledger", aid.ledger(scope, orgId, year, page, 20));
        StringBuilder base = new StringBuilder("/serving/aid");
        if (orgId != null || year != null) {
            base.append('?').append(orgId != null ? "orgId=" + orgId : "").append(orgId != null && year != null ? "&" : "")
                    .append(year != null ? "year=" + year : "");
        }
        model.addAttribute("pageBase", base.toString());
        return "serving/aid";
    }

    @PostMapping
    public String apply(@RequestParam(required = false) Long memberId, @RequestParam(required = false) String reason,
                        @RequestParam(required = false) String amount, RedirectAttributes flash) {
        return act(flash, () -> aid.apply(CurrentScope.get(), new AidForm(memberId, reason, money(amount, "amount"))),
                "serving.aid.applied");
    }

    @PostMapping("/{id}/decision")
    public String decide(@PathVariable long id, @RequestParam(required = false) Boolean approve,
                         @RequestParam(required = false) String amount, @RequestParam(required = false) String note,
                         RedirectAttributes flash) {
        return act(flash, () -> aid.decide(CurrentScope.get(), id, new DecisionForm(approve, money(amount, "amount"), note)),
                "serving.aid.decidedNotice");
    }

    @PostMapping("/{id}/payments")
    public String pay(@PathVariable long id, @RequestParam(required = false) String paidOn,
                      @RequestParam(required = false) String amount, @RequestParam(required = false) String note,
                      RedirectAttributes flash) {
        return act(flash, () -> aid.pay(CurrentScope.get(), id, new PaymentForm(DesignationPageController.date(paidOn, "paidOn"),
                money(amount, "amount"), note)), "serving.aid.paidNotice");
    }

    private static BigDecimal money(String raw, String field) {
        try {
            return raw == null || raw.isBlank() ? null : new BigDecimal(raw.strip());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(field, "serving.aid.amount");
        }
    }

    private String act(RedirectAttributes flash, Runnable action, String notice) {
        try {
            action.run();
            flash.addFlashAttribute("notice", messages.get(notice));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("actionErrors", List.copyOf(messages.fieldErrors(e.violations()).values()));
        } catch (ConflictException e) {
            flash.addFlashAttribute("actionErrors", List.of(messages.get(e.code(), e.args())));
        }
        return "redirect:/serving/aid";
    }
}
