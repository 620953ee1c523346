package io.zhibu.dues.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhibu.dues.DuesReliefService;
import io.zhibu.dues.DuesRemittanceService;
import io.zhibu.dues.DuesService;
import io.zhibu.dues.DuesViews;
import io.zhibu.shared.CurrentScope;
import java.time.YearMonth;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Dues API, part two: hardship reliefs (R5.5), remittance to the superior (上缴), reconciliation report. */
@RestController
@RequestMapping("/api/v1/dues")
@Tag(name = "dues", description = "Party dues (党费), rules.md §5")
public class DuesMoreApiController {
    private final DuesService dues;
    private final DuesReliefService reliefs;
    private final DuesRemittanceService remittances;
    private final ReconciliationExport export;

    public DuesMoreApiController(DuesService dues, DuesReliefService reliefs, DuesRemittanceService remittances,
                                 ReconciliationExport export) {
        this.dues = dues;
        this.reliefs = reliefs;
        this.remittances = remittances;
        this.export = export;
    }

    @PostMapping("/accounts/{memberId}/reliefs")
    @Operation(summary = "Record the branch's hardship decision (REDUCED with monthlyAmount, or EXEMPT); waits for the superior's approval (R5.5)")
    public DuesReliefService.Relief requestRelief(@PathVariable long memberId,
                                                  @RequestBody DuesReliefService.ReliefForm form) {
        return reliefs.request(CurrentScope.get(), memberId, form);
    }

    @GetMapping("/accounts/{memberId}/reliefs")
    @Operation(summary = "A member's reliefs (members: their own)")
    public List<DuesReliefService.Relief> memberReliefs(@PathVariable long memberId) {
        return reliefs.ofMember(CurrentScope.get(), memberId);
    }

    @GetMapping("/reliefs")
    @Operation(summary = "Reliefs of the subtree or one org; status=PENDING is the superior's approval queue")
    public List<DuesReliefService.Relief> reliefs(@RequestParam(required = false) Long orgId,
                                                  @RequestParam(required = false) String status) {
        return reliefs.list(CurrentScope.get(), orgId, status);
    }

    @PostMapping("/reliefs/{id}/approve")
    @Operation(summary = "Approve a relief (the next-level committee; send the version); issued bills get correcting entries")
    public DuesReliefService.Relief approve(@PathVariable long id, @RequestBody DuesReliefService.ReviewForm form) {
        return reliefs.approve(CurrentScope.get(), id, form);
    }

    @PostMapping("/reliefs/{id}/reject")
    @Operation(summary = "Reject a relief with a note (the next-level committee)")
    public DuesReliefService.Relief reject(@PathVariable long id, @RequestBody DuesReliefService.ReviewForm form) {
        return reliefs.reject(CurrentScope.get(), id, form);
    }

    @PostMapping("/remittances")
    @Operation(summary = "Record a remittance of collected dues to the parent committee (amount, date, voucher number)")
    public DuesRemittanceService.Remittance remit(@RequestBody DuesRemittanceService.RemittanceForm form) {
        return remittances.record(CurrentScope.get(), form);
    }

    @GetMapping("/remittances")
    @Operation(summary = "Remittance report of the subtree: collected, received, remitted, outstanding; the remittances")
    public DuesRemittanceService.Report remittanceReport(@RequestParam(required = false) Long orgId,
                                                         @RequestParam(required = false) YearMonth from,
                                                         @RequestParam(required = false) YearMonth to) {
        return remittances.report(CurrentScope.get(), orgId, from, to);
    }

    @PostMapping("/remittances/{id}/confirm")
    @Operation(summary = "Confirm receipt of a remittance (the receiving committee; send the version)")
    public DuesRemittanceService.Remittance confirm(@PathVariable long id,
                                                    @RequestBody DuesRemittanceService.ConfirmForm form) {
        return remittances.confirm(CurrentScope.get(), id, form);
    }

    @GetMapping("/reconciliation/report")
    @Operation(summary = "Reconciliation per month and method over [from, to] (≤12 months) and payments needing action")
    public DuesViews.Reconciliation reconciliationReport(@RequestParam long orgId,
                                                         @RequestParam(required = false) YearMonth from,
                                                         @RequestParam(required = false) YearMonth to) {
        return dues.reconciliationReport(CurrentScope.get(), orgId, from, to);
    }

    @GetMapping("/reconciliation.xlsx")
    @Operation(summary = "The reconciliation as an Excel sheet")
    public ResponseEntity<byte[]> reconciliationXlsx(@RequestParam long orgId,
                                                     @RequestParam(required = false) YearMonth from,
                                                     @RequestParam(required = false) YearMonth to) {
        return xlsx(export, dues.reconciliationReport(CurrentScope.get(), orgId, from, to));
    }

    static ResponseEntity<byte[]> xlsx(ReconciliationExport export, DuesViews.Reconciliation r) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"dues-reconciliation-" + r.orgId() + ".xlsx\"")
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(export.xlsx(r));
    }
}
