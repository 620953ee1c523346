package io.zhibu.dues.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhibu.dues.DuesCategory;
import io.zhibu.dues.DuesQuote;
import io.zhibu.dues.DuesService;
import io.zhibu.dues.DuesViews;
import io.zhibu.shared.CurrentScope;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Party dues API (党费): quote, accounts and bases, monthly bills, payments, arrears, publicity and reports. */
@RestController
@RequestMapping("/api/v1/dues")
@Tag(name = "dues", description = "Party dues (党费), rules.md §5")
public class DuesApiController {
    private final DuesService dues;
    private final PublicityExport export;
    private final io.zhibu.dues.PayrollImport payroll;

    public DuesApiController(DuesService dues, PublicityExport export, io.zhibu.dues.PayrollImport payroll) {
        this.dues = dues;
        this.export = export;
        this.payroll = payroll;
    }

    @PostMapping(path = "/payroll", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a payroll sheet (.xlsx/.csv: ID number + income items) to set the branch's bases")
    public io.zhibu.dues.PayrollImport.Result importPayroll(@RequestParam long orgId,
            @RequestParam(name = "file", required = false) org.springframework.web.multipart.MultipartFile file) throws java.io.IOException {
        return payroll.importSheet(CurrentScope.get(), orgId, file == null ? null : file.getOriginalFilename(),
                file == null ? new byte[0] : file.getBytes());
    }

    @GetMapping("/quote")
    @Operation(summary = "Monthly dues for a category and income (§5 brackets, half-up to 0.01 yuan)")
    public DuesQuote quote(@RequestParam DuesCategory category, @RequestParam(required = false) BigDecimal monthlyIncome) {
        CurrentScope.get();
        return dues.quote(category, monthlyIncome);
    }

    @GetMapping("/accounts")
    @Operation(summary = "The dues accounts of one branch (treasurer)")
    public List<DuesViews.Account> accounts(@RequestParam long orgId) {
        return dues.accounts(CurrentScope.get(), orgId);
    }

    @GetMapping("/accounts/{memberId}")
    @Operation(summary = "A member's account, bills (应交/实交) and payments; members: their own only")
    public DuesViews.Statement statement(@PathVariable long memberId) {
        return dues.statement(CurrentScope.get(), memberId);
    }

    @PutMapping("/accounts/{memberId}/base")
    @Operation(summary = "Set the member's category and monthly base for the year (treasurer; send the version)")
    public DuesViews.Account setBase(@PathVariable long memberId, @RequestBody DuesViews.BaseForm form) {
        return dues.setBase(CurrentScope.get(), memberId, form);
    }

    @PostMapping("/bills/issue")
    @Operation(summary = "Issue a month's bills for the org's subtree (idempotent, one set-based statement)")
    public DuesViews.IssueResult issue(@RequestBody DuesViews.IssueForm form) {
        return dues.issue(CurrentScope.get(), form.period(), form.orgId());
    }

    @PostMapping("/accounts/{memberId}/pay")
    @Operation(summary = "One-click online payment by the member (idempotency key; result by gateway callback)")
    public DuesViews.Payment pay(@PathVariable long memberId, @RequestBody DuesViews.PayForm form) {
        return dues.payOnline(CurrentScope.get(), memberId, form);
    }

    @PostMapping("/accounts/{memberId}/offline-payments")
    @Operation(summary = "Record a cash or bank-transfer payment with its receipt (treasurer)")
    public DuesViews.Payment payOffline(@PathVariable long memberId, @RequestBody DuesViews.OfflineForm form) {
        return dues.payOffline(CurrentScope.get(), memberId, form);
    }

    @GetMapping("/payments/{id}")
    @Operation(summary = "One payment and its status")
    public DuesViews.Payment payment(@PathVariable long id) {
        return dues.payment(CurrentScope.get(), id);
    }

    @PostMapping("/payments/{id}/reverse")
    @Operation(summary = "Correct the member's latest payment by reversing entries (treasurer)")
    public DuesViews.Payment reverse(@PathVariable long id, @RequestBody DuesViews.ReverseForm form) {
        return dues.reverse(CurrentScope.get(), id, form.reason());
    }

    @GetMapping("/arrears")
    @Operation(summary = "Members ≥3 months unpaid (reminder) and ≥6 (自行脱党 review candidates, human decision)")
    public List<DuesViews.Arrears> arrears(@RequestParam(required = false) Long orgId) {
        return dues.arrears(CurrentScope.get(), orgId);
    }

    @GetMapping("/publicity")
    @Operation(summary = "The branch's 公示 list for a period (amounts only)")
    public DuesViews.Publicity publicity(@RequestParam long orgId, @RequestParam(required = false) YearMonth from,
                                         @RequestParam(required = false) YearMonth to) {
        return dues.publicity(CurrentScope.get(), orgId, from, to);
    }

    @GetMapping("/publicity.xlsx")
    @Operation(summary = "The 公示 list as an Excel sheet")
    public ResponseEntity<byte[]> publicityXlsx(@RequestParam long orgId, @RequestParam(required = false) YearMonth from,
                                                @RequestParam(required = false) YearMonth to) {
        return publicitySheet(export, orgId, dues.publicity(CurrentScope.get(), orgId, from, to));
    }

    /** The 公示 list as an Excel download (the API and the page answer the same file). */
    static ResponseEntity<byte[]> publicitySheet(PublicityExport export, long orgId, DuesViews.Publicity p) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"dues-publicity-" + orgId + ".xlsx\"")
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(export.xlsx(p));
    }

    @GetMapping("/collection")
    @Operation(summary = "Collection rate per branch of the subtree for a month")
    public DuesViews.Collection collection(@RequestParam(required = false) Long orgId,
                                           @RequestParam(required = false) YearMonth period) {
        return dues.collection(CurrentScope.get(), orgId, period);
    }

    @GetMapping("/reconciliation")
    @Operation(summary = "Treasurer's reconciliation: received per method vs booked entries in a month")
    public List<DuesViews.ReconciliationLine> reconciliation(@RequestParam long orgId,
                                                             @RequestParam(required = false) YearMonth month) {
        return dues.reconciliation(CurrentScope.get(), orgId, month);
    }
}
