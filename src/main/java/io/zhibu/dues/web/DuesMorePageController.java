package io.zhibu.dues.web;

import io.zhibu.dues.DuesReliefService;
import io.zhibu.dues.DuesRemittanceService;
import io.zhibu.dues.DuesService;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.web.Messages;
import io.zhibu.shared.web.PageActions;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Dues pages, part two: hardship reliefs and their approval, remittances (上缴), the reconciliation page. */
@Controller
@RequestMapping("/dues")
public class DuesMorePageController {
    private final DuesService dues;
    private final DuesReliefService reliefs;
    private final DuesRemittanceService remittances;
    private final ReconciliationExport export;
    private final Messages messages;
    private final PageActions actions;

    public DuesMorePageController(DuesService dues, DuesReliefService reliefs, DuesRemittanceService remittances,
                                  ReconciliationExport export, Messages messages, PageActions actions) {
        this.dues = dues;
        this.reliefs = reliefs;
        this.remittances = remittances;
        this.export = export;
        this.messages = messages;
        this.actions = actions;
    }

    // --- reliefs (R5.5)

    @PostMapping("/accounts/{memberId}/reliefs")
    public String requestRelief(@PathVariable long memberId, @RequestParam(required = false) DuesReliefService.Kind kind,
                                @RequestParam(required = false) BigDecimal monthlyAmount,
                                @RequestParam(required = false) YearMonth from, @RequestParam(required = false) YearMonth to,
                                @RequestParam(required = false) String reason,
                                @RequestParam(required = false) LocalDate decidedOn, RedirectAttributes flash) {
        String back = "/dues/accounts/" + memberId;
        return act(flash, back, () -> {
            reliefs.request(CurrentScope.get(), memberId,
                    new DuesReliefService.ReliefForm(kind, monthlyAmount, from, to, reason, decidedOn));
            flash.addFlashAttribute("notice", messages.get("dues.relief.requested"));
            return "redirect:" + back;
        });
    }

    @GetMapping("/reliefs")
    public String reliefs(@RequestParam(required = false) Long orgId, @RequestParam(required = false) String status,
                          Model model) {
        String st = status == null ? "PENDING" : status.isEmpty() ? null : status;
        model.addAttribute("rows", reliefs.list(CurrentScope.get(), orgId, st));
        model.addAttribute("orgId", orgId);
        model.addAttribute("status", st == null ? "" : st);
        return "dues/reliefs";
    }

    @PostMapping("/reliefs/{id}/approve")
    public String approve(@PathVariable long id, @RequestParam(required = false) Integer version,
                          @RequestParam(required = false) String note, RedirectAttributes flash) {
        return act(flash, "/dues/reliefs", () -> {
            reliefs.approve(CurrentScope.get(), id, new DuesReliefService.ReviewForm(version, note));
            flash.addFlashAttribute("notice", messages.get("dues.relief.approved"));
            return "redirect:/dues/reliefs";
        });
    }

    @PostMapping("/reliefs/{id}/reject")
    public String reject(@PathVariable long id, @RequestParam(required = false) Integer version,
                         @RequestParam(required = false) String note, RedirectAttributes flash) {
        return act(flash, "/dues/reliefs", () -> {
            reliefs.reject(CurrentScope.get(), id, new DuesReliefService.ReviewForm(version, note));
            flash.addFlashAttribute("notice", messages.get("dues.relief.rejected"));
            return "redirect:/dues/reliefs";
        });
    }

    // --- remittances (上缴)

    @GetMapping("/remittances")
    public String remittances(@RequestParam(required = false) Long orgId, @RequestParam(required = false) YearMonth from,
                              @RequestParam(required = false) YearMonth to, Model model) {
        DataScope scope = CurrentScope.get();
        DuesRemittanceService.Report r = remittances.report(scope, orgId, from, to);
        model.addAttribute("r", r);
        model.addAttribute("orgId", orgId);
        // the form records for the report's root (the caller's own organization by default)
        model.addAttribute("remitOrgId", r.orgId() == 0 ? null : r.orgId());
        model.addAttribute("today", LocalDate.now());
        return "dues/remittances";
    }

    @PostMapping("/remittances")
    public String remit(@RequestParam(required = false) Long orgId, @RequestParam(required = false) YearMonth from,
                        @RequestParam(required = false) YearMonth to, @RequestParam(required = false) BigDecimal amount,
                        @RequestParam(required = false) LocalDate remittedOn,
                        @RequestParam(required = false) String voucherNo, @RequestParam(required = false) String note,
                        RedirectAttributes flash) {
        String back = "/dues/remittances" + (orgId == null ? "" : "?orgId=" + orgId);
        return act(flash, back, () -> {
            remittances.record(CurrentScope.get(),
                    new DuesRemittanceService.RemittanceForm(orgId, from, to, amount, remittedOn, voucherNo, note));
            flash.addFlashAttribute("notice", messages.get("dues.remit.recorded"));
            return "redirect:" + back;
        });
    }

    @PostMapping("/remittances/{id}/confirm")
    public String confirm(@PathVariable long id, @RequestParam(required = false) Integer version,
                          RedirectAttributes flash) {
        return act(flash, "/dues/remittances", () -> {
            remittances.confirm(CurrentScope.get(), id, new DuesRemittanceService.ConfirmForm(version));
            flash.addFlashAttribute("notice", messages.get("dues.remit.confirmedNotice"));
            return "redirect:/dues/remittances";
        });
    }

    // --- reconciliation

    @GetMapping("/reconciliation")
    public String reconciliation(@RequestParam long orgId, @RequestParam(required = false) YearMonth from,
                                 @RequestParam(required = false) YearMonth to, Model model) {
        try {
            model.addAttribute("rec", dues.reconciliationReport(CurrentScope.get(), orgId, from, to));
        } catch (InvalidInputException e) {
            // a bad range shows the default months with the message instead of an error page
            model.addAttribute("actionErrors", List.copyOf(messages.fieldErrors(e.violations()).values()));
            model.addAttribute("rec", dues.reconciliationReport(CurrentScope.get(), orgId, null, null));
        }
        return "dues/reconciliation";
    }

    @GetMapping("/reconciliation.xlsx")
    public ResponseEntity<byte[]> reconciliationXlsx(@RequestParam long orgId, @RequestParam(required = false) YearMonth from,
                                                     @RequestParam(required = false) YearMonth to) {
        return DuesMoreApiController.xlsx(export, dues.reconciliationReport(CurrentScope.get(), orgId, from, to));
    }

    private String act(RedirectAttributes flash, String back, Supplier<String> action) {
        return actions.run(flash, back, action);
    }
}
