package io.zhibu.dues.web;

import io.zhibu.dues.DuesCategory;
import io.zhibu.dues.DuesService;
import io.zhibu.dues.DuesViews;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.Role;
import io.zhibu.shared.web.Messages;
import io.zhibu.shared.web.PageActions;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

/** Dues pages (党费): the member's own statement with one-click payment, calculator, treasurer and reports. */
@Controller
@RequestMapping("/dues")
public class DuesPageController {
    private final DuesService dues;
    private final Messages messages;
    private final PageActions actions;
    private final PublicityExport export;
    private final io.zhibu.dues.PayrollImport payroll;
    private final io.zhibu.dues.DuesReliefService reliefs;

    public DuesPageController(DuesService dues, Messages messages, PublicityExport export,
                              io.zhibu.dues.PayrollImport payroll, io.zhibu.dues.DuesReliefService reliefs, PageActions actions) {
        this.reliefs = reliefs;
        this.dues = dues;
        this.messages = messages;
        this.actions = actions;
        this.export = export;
        this.payroll = payroll;
    }

    @PostMapping("/payroll")
    public String importPayroll(@RequestParam long orgId,
                                @RequestParam(name = "file", required = false) org.springframework.web.multipart.MultipartFile file,
                                RedirectAttributes flash) {
        return act(flash, "/dues/branch?orgId=" + orgId, () -> {
            try {
                io.zhibu.dues.PayrollImport.Result r = payroll.importSheet(CurrentScope.get(), orgId,
                        file == null ? null : file.getOriginalFilename(), file == null ? new byte[0] : file.getBytes());
                flash.addFlashAttribute("notice", messages.get("dues.payroll.notice", r.updated(), r.unmatched().size()));
                return "redirect:/dues/branch?orgId=" + orgId;
            } catch (java.io.IOException e) {
                throw InvalidInputException.of("file", "dues.payroll.unreadable");
            }
        });
    }

    /** Members land on their own statement, branch treasurers on their branch, superiors on the collection report. */
    @GetMapping
    public String home() {
        DataScope scope = CurrentScope.get();
        if (scope.role() == Role.MEMBER && scope.selfMemberId() != null) {
            return "redirect:/dues/accounts/" + scope.selfMemberId();
        }
        if (scope.role() == Role.BRANCH_SECRETARY && scope.scopeOrgId() != null) {
            return "redirect:/dues/branch?orgId=" + scope.scopeOrgId();
        }
        return "redirect:/dues/collection";
    }

    @GetMapping("/quote")
    public String quote(@RequestParam(required = false) DuesCategory category,
                        @RequestParam(required = false) BigDecimal monthlyIncome, Model model) {
        CurrentScope.get();
        model.addAttribute("categories", DuesCategory.values());
        model.addAttribute("category", category);
        model.addAttribute("monthlyIncome", monthlyIncome);
        model.addAttribute("errors", Map.of());
        if (category != null) {
            try {
                model.addAttribute("quote", dues.quote(category, monthlyIncome));
            } catch (InvalidInputException e) {
                model.addAttribute("errors", messages.fieldErrors(e.violations()));
            }
        }
        return "dues/quote";
    }

    @GetMapping("/accounts/{memberId}")
    public String statement(@PathVariable long memberId, Model model) {
        DataScope scope = CurrentScope.get();
        DuesViews.Statement st = dues.statement(scope, memberId);
        java.util.List<YearMonth> targets = new java.util.ArrayList<>();
        for (YearMonth m = st.account().firstOpen(); !m.isAfter(st.latestTarget()); m = m.plusMonths(1)) {
            targets.add(m);
        }
        model.addAttribute("s", st);
        model.addAttribute("targets", targets);
        model.addAttribute("defaultTarget", targets.contains(st.currentMonth()) ? st.currentMonth()
                : targets.isEmpty() ? null : targets.get(0));
        model.addAttribute("isSelf", scope.role() == Role.MEMBER);
        model.addAttribute("isTreasurer", scope.canManageMembers());
        model.addAttribute("payKey", UUID.randomUUID().toString());
        model.addAttribute("categories", DuesCategory.values());
        model.addAttribute("reliefs", reliefs.ofMember(scope, memberId));
        model.addAttribute("reliefKinds", io.zhibu.dues.DuesReliefService.Kind.values());
        model.addAttribute("annual", dues.recompute() == io.zhibu.dues.BaseRecompute.ANNUAL);
        model.addAttribute("today", java.time.LocalDate.now());
        return "dues/statement";
    }

    /** The one-click button: the key rendered into the form makes a double click the same payment. */
    @PostMapping("/accounts/{memberId}/pay")
    public String pay(@PathVariable long memberId, @RequestParam(required = false) YearMonth upTo,
                      @RequestParam String idempotencyKey, RedirectAttributes flash) {
        return act(flash, "/dues/accounts/" + memberId, () -> {
            DuesViews.Payment p = dues.payOnline(CurrentScope.get(), memberId, new DuesViews.PayForm(upTo, idempotencyKey));
            return "redirect:/dues/payments/" + p.id();
        });
    }

    @PostMapping("/accounts/{memberId}/offline")
    public String offline(@PathVariable long memberId, @RequestParam(required = false) YearMonth upTo,
                          @RequestParam(required = false) String method, @RequestParam(required = false) String receiptNo,
                          @RequestParam(required = false) BigDecimal voluntaryAmount,
                          @RequestParam String idempotencyKey, RedirectAttributes flash) {
        return act(flash, "/dues/accounts/" + memberId, () -> {
            DuesViews.Payment p = dues.payOffline(CurrentScope.get(), memberId,
                    new DuesViews.OfflineForm(upTo, method, receiptNo, idempotencyKey, voluntaryAmount));
            flash.addFlashAttribute("notice", messages.get("dues.paid.notice", p.amount(), p.to()));
            return "redirect:/dues/accounts/" + memberId;
        });
    }

    @PostMapping("/accounts/{memberId}/base")
    public String base(@PathVariable long memberId, @RequestParam(required = false) DuesCategory category,
                       @RequestParam(required = false) BigDecimal monthlyIncome,
                       @RequestParam(required = false) Integer version,
                       @RequestParam(required = false, defaultValue = "false") boolean correction, RedirectAttributes flash) {
        return act(flash, "/dues/accounts/" + memberId, () -> {
            DuesViews.Account a = dues.setBase(CurrentScope.get(), memberId,
                    new DuesViews.BaseForm(category, monthlyIncome, version, correction));
            flash.addFlashAttribute("notice", a.changeFromNextYear()
                    ? messages.get("dues.base.nextYearNotice", a.latestAmount(), a.monthlyAmount())
                    : messages.get("dues.base.notice", a.monthlyAmount()));
            return "redirect:/dues/accounts/" + memberId;
        });
    }

    @PostMapping("/payments/{id}/reverse")
    public String reverse(@PathVariable long id, @RequestParam(required = false) String reason,
                          RedirectAttributes flash) {
        DuesViews.Payment p = dues.payment(CurrentScope.get(), id);
        return act(flash, "/dues/accounts/" + p.memberId(), () -> {
            dues.reverse(CurrentScope.get(), id, reason);
            flash.addFlashAttribute("notice", messages.get("dues.reversed.notice"));
            return "redirect:/dues/accounts/" + p.memberId();
        });
    }

    /** Payment status; while pending the page polls itself (htmx) until the gateway's callback has arrived. */
    @GetMapping("/payments/{id}")
    public String payment(@PathVariable long id, @RequestParam(required = false) String fragment, Model model) {
        model.addAttribute("p", dues.payment(CurrentScope.get(), id));
        return fragment != null ? "dues/payment :: status" : "dues/payment";
    }

    @GetMapping("/branch")
    public String branch(@RequestParam long orgId, Model model) {
        DataScope scope = CurrentScope.get();
        model.addAttribute("accounts", dues.accounts(scope, orgId));
        model.addAttribute("collection", dues.collection(scope, orgId, null));
        model.addAttribute("orgId", orgId);
        model.addAttribute("current", dues.currentMonth());
        model.addAttribute("pendingReliefs", reliefs.list(scope, orgId, "PENDING").size());
        // the secretary's to-do: members to remind (3 months) or to review (6 months), R5.6
        model.addAttribute("arrearsCount", dues.arrears(scope, orgId).size());
        return "dues/branch";
    }

    @PostMapping("/issue")
    public String issue(@RequestParam(required = false) YearMonth period, @RequestParam(required = false) Long orgId,
                        RedirectAttributes flash) {
        String back = orgId == null ? "/dues/collection" : "/dues/branch?orgId=" + orgId;
        return act(flash, back, () -> {
            DuesViews.IssueResult r = dues.issue(CurrentScope.get(), period, orgId);
            flash.addFlashAttribute("notice", messages.get("dues.issued.notice", r.issued(), r.period()));
            return "redirect:" + back;
        });
    }

    @GetMapping("/arrears")
    public String arrears(@RequestParam(required = false) Long orgId, @RequestParam(required = false) String q,
                          @RequestParam(required = false) DuesViews.ArrearsLevel level,
                          @RequestParam(required = false) Integer page, Model model) {
        // a county's arrears are hundreds of members: the summary covers all, the table one page of the filtered
        List<DuesViews.Arrears> all = dues.arrears(CurrentScope.get(), orgId);
        model.addAttribute("totalCount", all.size());
        model.addAttribute("totalOwed", all.stream().map(DuesViews.Arrears::owed).filter(java.util.Objects::nonNull)
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
        List<DuesViews.Arrears> rows = io.zhibu.shared.web.ListPages.named(all, q, DuesViews.Arrears::memberName);
        if (level != null) {
            rows = rows.stream().filter(r -> r.level() == level).toList();
        }
        model.addAttribute("rows", io.zhibu.shared.web.ListPages.page(rows, page, io.zhibu.shared.web.ListPages.PAGE_SIZE));
        model.addAttribute("q", q);
        model.addAttribute("level", level);
        model.addAttribute("levels", DuesViews.ArrearsLevel.values());
        model.addAttribute("pageBase", io.zhibu.shared.web.ListPages.base("/dues/arrears", "orgId", orgId, "q", q,
                "level", level));
        model.addAttribute("orgId", orgId);
        return "dues/arrears";
    }

    @GetMapping("/publicity")
    public String publicity(@RequestParam long orgId, @RequestParam(required = false) YearMonth from,
                            @RequestParam(required = false) YearMonth to, Model model) {
        model.addAttribute("p", dues.publicity(CurrentScope.get(), orgId, from, to));
        return "dues/publicity";
    }

    @GetMapping("/publicity.xlsx")
    public ResponseEntity<byte[]> publicityXlsx(@RequestParam long orgId, @RequestParam(required = false) YearMonth from,
                                                @RequestParam(required = false) YearMonth to) {
        return DuesApiController.publicitySheet(export, orgId, dues.publicity(CurrentScope.get(), orgId, from, to));
    }

    @GetMapping("/collection")
    public String collection(@RequestParam(required = false) Long orgId,
                             @RequestParam(required = false) YearMonth period, @RequestParam(required = false) String q,
                             @RequestParam(required = false) Boolean behind, @RequestParam(required = false) Integer page,
                             Model model) {
        DataScope scope = CurrentScope.get();
        DuesViews.Collection c = dues.collection(scope, orgId, period);
        model.addAttribute("c", c);
        // a county holds hundreds of branches: filter (name, not fully collected), the lowest rates first, one page
        List<DuesViews.CollectionLine> lines = io.zhibu.shared.web.ListPages.named(c.branches(), q, DuesViews.CollectionLine::orgName);
        if (Boolean.TRUE.equals(behind)) {
            lines = lines.stream().filter(l -> l.rate() == null || l.rate().compareTo(java.math.BigDecimal.ONE) < 0).toList();
        }
        lines = lines.stream().sorted(java.util.Comparator.comparing(DuesViews.CollectionLine::rate,
                java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))).toList();
        model.addAttribute("lines", io.zhibu.shared.web.ListPages.page(lines, page, io.zhibu.shared.web.ListPages.PAGE_SIZE));
        model.addAttribute("q", q);
        model.addAttribute("behind", Boolean.TRUE.equals(behind));
        model.addAttribute("pageBase", io.zhibu.shared.web.ListPages.base("/dues/collection", "orgId", orgId,
                "period", period, "q", q, "behind", Boolean.TRUE.equals(behind) ? "true" : null));
        model.addAttribute("orgId", orgId);
        model.addAttribute("current", dues.currentMonth());
        return "dues/collection";
    }

    private String act(RedirectAttributes flash, String back, Supplier<String> action) {
        return actions.run(flash, back, action);
    }
}
