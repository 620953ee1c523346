package io.zhibu.dues;

import io.zhibu.audit.AuditLog;
import io.zhibu.db.tables.records.DuesAccountRecord;
import io.zhibu.db.tables.records.DuesEntryRecord;
import io.zhibu.db.tables.records.DuesPaymentRecord;
import io.zhibu.dues.DuesViews.Account;
import io.zhibu.dues.DuesViews.Arrears;
import io.zhibu.dues.DuesViews.ArrearsLevel;
import io.zhibu.dues.DuesViews.BaseForm;
import io.zhibu.dues.DuesViews.Bill;
import io.zhibu.dues.DuesViews.CollectionLine;
import io.zhibu.dues.DuesViews.IssueResult;
import io.zhibu.dues.DuesViews.OfflineForm;
import io.zhibu.dues.DuesViews.PayForm;
import io.zhibu.dues.DuesViews.Payment;
import io.zhibu.dues.DuesViews.Publicity;
import io.zhibu.dues.DuesViews.PublicityLine;
import io.zhibu.dues.DuesViews.ReconciliationLine;
import io.zhibu.dues.DuesViews.Statement;
import io.zhibu.dues.internal.DuesRepository;
import io.zhibu.member.MemberDirectory;
import io.zhibu.org.OrgService;
import io.zhibu.org.Organization;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.Role;
import io.zhibu.shared.TextInput;
import io.zhibu.shared.Violation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.Record;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 党费 Party dues (rules.md §5): bases, the monthly ledger, one-click payment through {@link PaymentGateway}s,
 * arrears, publicity and reports. The treasurer role is held by the branch secretary (and superiors in scope);
 * members see only their own account.
 */
@Service
public class DuesService {
    /** R5.3: back-payment and prepayment at most 6 months. */
    public static final int MAX_MONTHS_AHEAD = 6;
    public static final int MAX_MONTHS_BEHIND = 6;
    /** R5.6 / R3.4 arrears thresholds. */
    public static final int REMINDER_MONTHS = 3;
    public static final int REVIEW_MONTHS = 6;
    private static final List<String> OFFLINE_METHODS = List.of("CASH", "BANK_TRANSFER");
    /** R5.5: a one-off voluntary payment of at least 1000 yuan is remitted in full to the Centre. */
    public static final BigDecimal REMIT_IN_FULL_FROM = new BigDecimal("1000.00");

    private final DuesRepository repo;
    private final DuesCalculator calculator;
    private final MemberDirectory directory;
    private final OrgService orgs;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final Map<String, PaymentGateway> gateways;
    private final String onlineGateway;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final BaseRecompute recompute;

    public DuesService(DuesRepository repo, DuesCalculator calculator, MemberDirectory directory, OrgService orgs,
                       AuditLog audit, Clock clock, TransactionTemplate tx, List<PaymentGateway> gateways,
                       DuesProperties settings, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.recompute = settings.recompute();
        this.repo = repo;
        this.calculator = calculator;
        this.directory = directory;
        this.orgs = orgs;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
        this.gateways = gateways.stream().collect(Collectors.toMap(PaymentGateway::id, Function.identity()));
        this.onlineGateway = settings.onlineGateway();
    }

    public DuesQuote quote(DuesCategory category, BigDecimal monthlyIncome) {
        return calculator.quote(category, monthlyIncome);
    }

    public YearMonth currentMonth() {
        return YearMonth.now(clock);
    }

    public BaseRecompute recompute() {
        return recompute;
    }

    // --- accounts and bases

    public Statement statement(DataScope scope, long memberId) {
        return tx.execute(s -> {
            DuesAccountRecord a = load(scope, memberId);
            List<Bill> bills = repo.bills(memberId, 36).stream().map(DuesService::bill).toList();
            List<Payment> payments = repo.payments(memberId, 12).stream().map(DuesService::payment).toList();
            YearMonth current = currentMonth();
            List<DuesViews.ReliefRef> reliefs = repo.approvedReliefs(memberId).stream().map(r -> new DuesViews.ReliefRef(
                    r.getKind().name(), YearMonth.from(r.getPeriodFrom()), YearMonth.from(r.getPeriodTo()))).toList();
            bills = bills.stream().map(b -> b.withRelief(reliefs.stream().filter(r -> r.covers(b.period()))
                    .map(DuesViews.ReliefRef::kind).findFirst().orElse(null))).toList();
            return new Statement(account(a, directory.namesOf(scope, List.of(memberId)).get(memberId), current),
                    bills, payments, current, current.minusMonths(MAX_MONTHS_BEHIND), current.plusMonths(MAX_MONTHS_AHEAD));
        });
    }

    /** The accounts of one branch (the treasurer's list). */
    public List<Account> accounts(DataScope scope, long orgId) {
        requireTreasurer(scope);
        Organization org = orgs.get(scope, orgId);
        return tx.execute(s -> {
            List<DuesAccountRecord> rows = repo.accountsOfOrg(org.id(), 1000);
            Map<Long, String> names = directory.namesOf(scope, rows.stream().map(DuesAccountRecord::getMemberId).toList());
            YearMonth current = currentMonth();
            // the unpaid months of the whole branch in one query (not one arrears query per member)
            Map<Long, Integer> unpaid = new java.util.HashMap<>();
            for (Record x : repo.arrears(org.path(), org.id(), current.atDay(1), 1, 10_000)) {
                unpaid.putIfAbsent(x.get("member_id", Long.class), x.get("months", Integer.class));
            }
            return rows.stream().map(r -> account(r, names.get(r.getMemberId()), unpaid.getOrDefault(r.getMemberId(), 0)))
                    .toList();
        });
    }

    /** R5.4: the base is set once a year (the year is recorded); the amount comes from the §5 calculator. */
    public Account setBase(DataScope scope, long memberId, BaseForm form) {
        requireTreasurer(scope);
        List<Violation> errors = new ArrayList<>();
        if (form == null || form.category() == null) {
            errors.add(new Violation("category", "validation.required"));
        }
        if (form == null || form.version() == null) {
            errors.add(new Violation("version", "validation.required"));
        }
        DuesQuote q = null;
        if (errors.isEmpty()) {
            try {
                q = calculator.quote(form.category(), form.monthlyIncome());
            } catch (InvalidInputException e) {
                errors.addAll(e.violations());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        DuesQuote quote = q;
        return tx.execute(s -> {
            DuesAccountRecord a = load(scope, memberId);
            int year = currentMonth().getYear();
            boolean now = recompute.billsNow(a.getBaseYear(), year, form.isCorrection()); // R5.4
            if (!repo.setBase(memberId, form.version(), form.category(), quote.monthlyIncome(), quote.amount(),
                    year, now)) {
                throw new ConflictException("error.concurrentChange");
            }
            audit.success("dues.base", "member", memberId, a.getOrgPath(), form.category() + " → " + quote.amount()
                    + (now ? "" : " (from " + (year + 1) + ", R5.4)") + (form.isCorrection() ? " correction" : ""));
            return account(repo.account(memberId).orElseThrow(), null, currentMonth());
        });
    }

    private io.zhibu.shared.jobs.LongJobs longJobs;

    /** Job-run records and the job statement timeout (optional: unit tests build the service by hand). */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setLongJobs(io.zhibu.shared.jobs.LongJobs longJobs) {
        this.longJobs = longJobs;
    }

    // --- monthly bills

    /** 开具 the month's bills for the org's subtree (or the whole scope): one set-based statement, idempotent. */
    public IssueResult issue(DataScope scope, YearMonth period, Long orgId) {
        requireTreasurer(scope);
        if (period == null) {
            throw InvalidInputException.of("period", "validation.required");
        }
        if (period.isAfter(currentMonth())) {
            throw InvalidInputException.of("period", "dues.period.future");
        }
        String path = orgId == null ? scope.orgPath() : orgs.get(scope, orgId).path();
        long start = System.nanoTime();
        try {
            // one transaction: a crash leaves no bill of it; the run row says FAILED after the restart (JobRecovery)
            int n = io.zhibu.shared.jobs.LongJobs.run(longJobs, "dues.issue", scope.username() + " " + period + " " + path, tx, s -> {
                int issued = repo.issue(period.atDay(1), path, recompute == BaseRecompute.MONTHLY);
                audit.success("dues.issue", "org", orgId, path, period + ": " + issued + " bills");
                return issued;
            });
            return new IssueResult(period, orgId == null ? scope.scopeOrgIdOrZero() : orgId, n,
                    (System.nanoTime() - start) / 1_000_000);
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("dues.issue.concurrent"); // another issue of the same month ran in parallel
        }
    }

    // --- payments

    /** One click: the member pays every open month up to {@code upTo}; the same key always answers the same payment. */
    public Payment payOnline(DataScope scope, long memberId, PayForm form) {
        if (scope.role() != Role.MEMBER) {
            throw new ForbiddenException("online payment is the member's own");
        }
        String key = key(form == null ? null : form.idempotencyKey());
        Optional<DuesPaymentRecord> existing = tx.execute(s -> {
            load(scope, memberId);
            return repo.paymentByKey(memberId, key);
        });
        if (existing.isPresent()) {
            return payment(existing.get());
        }
        PaymentGateway gateway = gateways.get(onlineGateway);
        DuesPaymentRecord created;
        try {
            created = locked(() -> tx.execute(s -> {
                DuesAccountRecord a = load(scope, memberId);
                if (a.getPendingPaymentId() != null) {
                    throw new ConflictException("dues.payment.pending");
                }
                Span span = span(a, form.upTo(), true);
                DuesPaymentRecord p = newPayment(a, key, gateway.id(), "ONLINE", PaymentStatus.PENDING, span, scope.username());
                p.setOpenMemberId(memberId);
                p.setGatewayRef(gateway.id() + "-" + java.util.UUID.randomUUID());
                repo.insertPayment(p);
                if (!repo.claimPending(memberId, a.getVersion(), p.getId())) {
                    throw new ConflictException("dues.payment.pending");
                }
                audit.success("dues.pay.start", "member", memberId, a.getOrgPath(),
                        "payment " + p.getId() + " " + span.from + "…" + span.to + " " + span.amount);
                return p;
            }));
        } catch (DataIntegrityViolationException | ConflictException e) {
            // a concurrent click with the same key won the race: answer its payment
            return payment(tx.execute(s -> repo.paymentByKey(memberId, key))
                    .orElseThrow(() -> e instanceof ConflictException c ? c : new ConflictException("dues.payment.pending")));
        }
        gateway.start(new PaymentGateway.Order(created.getId(), memberId, created.getAmount(), created.getGatewayRef()));
        return payment(created);
    }

    /** Cash or bank transfer recorded by the treasurer with its receipt number; settles at once. */
    public Payment payOffline(DataScope scope, long memberId, OfflineForm form) {
        requireTreasurer(scope);
        List<Violation> errors = new ArrayList<>();
        String method = form == null ? null : form.method();
        if (method == null || !OFFLINE_METHODS.contains(method)) {
            errors.add(new Violation("method", "dues.method.invalid"));
        }
        String receipt = null;
        try {
            receipt = TextInput.required(form == null ? null : form.receiptNo(), "receiptNo", 64);
        } catch (InvalidInputException e) {
            errors.addAll(e.violations());
        }
        if (form == null || form.upTo() == null) {
            errors.add(new Violation("upTo", "validation.required"));
        }
        BigDecimal voluntary = form == null || form.voluntaryAmount() == null ? BigDecimal.ZERO : form.voluntaryAmount();
        if (voluntary.signum() < 0 || voluntary.compareTo(new BigDecimal("9999999.99")) > 0
                || voluntary.stripTrailingZeros().scale() > 2) {
            errors.add(new Violation("voluntaryAmount", "dues.income.invalid"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String key = key(form.idempotencyKey());
        String receiptNo = receipt;
        try {
            return payment(locked(() -> tx.execute(s -> {
                DuesAccountRecord a = load(scope, memberId);
                Optional<DuesPaymentRecord> existing = repo.paymentByKey(memberId, key);
                if (existing.isPresent()) {
                    return existing.get();
                }
                Span span = span(a, form.upTo(), false);
                DuesPaymentRecord p = newPayment(a, key, "OFFLINE", method, PaymentStatus.SUCCEEDED, span, scope.username());
                p.setReceiptNo(receiptNo);
                p.setCompletedAt(OffsetDateTime.now(clock));
                p.setVoluntary(voluntary.setScale(2, RoundingMode.HALF_UP));
                p.setAmount(span.amount.add(p.getVoluntary()));
                p.setRemitInFull(p.getVoluntary().compareTo(REMIT_IN_FULL_FROM) >= 0); // R5.5
                repo.insertPayment(p);
                if (!repo.advance(memberId, a.getPaidUpTo(), span.to.atDay(1), null)) {
                    throw new ConflictException("dues.payment.pending");
                }
                book(p, a, scope.username());
                audit.success("dues.pay.offline", "member", memberId, a.getOrgPath(),
                        "payment " + p.getId() + " " + method + " receipt " + receiptNo + " " + span.amount);
                return p;
            })));
        } catch (DataIntegrityViolationException e) {
            return payment(tx.execute(s -> repo.paymentByKey(memberId, key)).orElseThrow(
                    () -> new ConflictException("error.concurrentChange")));
        }
    }

    public Payment payment(DataScope scope, long paymentId) {
        return tx.execute(s -> {
            DuesPaymentRecord p = repo.payment(paymentId).orElseThrow(() -> new NotFoundException("payment", paymentId));
            load(scope, p.getMemberId());
            return payment(p);
        });
    }

    /**
     * A gateway's callback: verified by signature, then applied exactly once. Duplicates and late callbacks after
     * the first final status change nothing; a success arriving after a failure or after expiry is still applied
     * if nothing else has been paid or opened in between (no lost payment), else the payment becomes UNAPPLIED (money
     * received, not booked) and is listed in the treasurer's reconciliation for a refund or manual booking.
     */
    public CallbackOutcome handleCallback(String gatewayId, String body, String signature) {
        PaymentGateway gateway = gateways.get(gatewayId);
        if (gateway == null || gateway.settlesImmediately()) {
            throw new NotFoundException("gateway", gatewayId);
        }
        if (body == null || signature == null || !gateway.verify(body, signature)) {
            throw InvalidInputException.of("signature", "dues.callback.badSignature");
        }
        PaymentGateway.Callback cb = PaymentGateway.Callback.parse(body);
        return locked(() -> tx.execute(s -> {
            DuesPaymentRecord p = repo.payment(cb.paymentId()).filter(x -> x.getGateway().equals(gatewayId))
                    .orElseThrow(() -> new NotFoundException("payment", cb.paymentId()));
            if (cb.reference() != null && !cb.reference().equals(p.getGatewayRef())) {
                throw InvalidInputException.of("ref", "dues.callback.malformed");
            }
            DuesAccountRecord a = repo.account(p.getMemberId()).orElseThrow();
            if (!cb.succeeded()) {
                String reason = TextInput.optional(cb.reason(), "reason", 200);
                // the conditional update decides: a concurrent callback or the expiry may have finished it first
                if (PaymentStateMachine.onCallback(p.getStatus(), false, false) == CallbackOutcome.FAILED
                        && repo.finish(p.getId(), PaymentStatus.FAILED, null, reason)) {
                    repo.releasePending(p.getMemberId(), p.getId());
                    audit.success("dues.pay.failed", "member", p.getMemberId(), p.getOrgPath(), "payment " + p.getId());
                    return CallbackOutcome.FAILED;
                }
                return CallbackOutcome.IGNORED;
            }
            if (p.getStatus() == PaymentStatus.PENDING) {
                if (repo.finish(p.getId(), PaymentStatus.SUCCEEDED, null, null)) {
                    return apply(p, a, gatewayId, true);
                }
                // a concurrent callback finished it first: look again at what it decided
                p = repo.payment(p.getId()).orElseThrow();
                a = repo.account(p.getMemberId()).orElseThrow();
                if (p.getStatus() == PaymentStatus.PENDING) {
                    return CallbackOutcome.DUPLICATE;
                }
            }
            // a success after a failure report or after expiry: the money arrived. Apply it if the account still
            // stands where the payment was computed (and no newer payment is open); otherwise keep it UNAPPLIED
            // for the treasurer's reconciliation (refund or manual booking) and answer 200 so the gateway stops.
            boolean applicable = PaymentStateMachine.late(p.getStatus()) && applicable(p, a);
            CallbackOutcome outcome = PaymentStateMachine.onCallback(p.getStatus(), true, applicable);
            if (outcome == CallbackOutcome.APPLIED) {
                return apply(p, a, gatewayId, false);
            }
            if (outcome == CallbackOutcome.UNAPPLIED && repo.markUnapplied(p.getId())) {
                audit.success("dues.pay.unapplied", "member", p.getMemberId(), p.getOrgPath(),
                        "payment " + p.getId() + " " + p.getAmount() + " received after " + p.getStatus());
                return CallbackOutcome.UNAPPLIED;
            }
            return CallbackOutcome.DUPLICATE;
        }));
    }

    private boolean applicable(DuesPaymentRecord p, DuesAccountRecord a) {
        LocalDate expected = YearMonth.from(p.getPeriodFrom()).minusMonths(1).atDay(1);
        boolean atStart = a.getPaidUpTo() == null ? firstOpen(a).atDay(1).equals(p.getPeriodFrom())
                : a.getPaidUpTo().equals(expected);
        return atStart && a.getPendingPaymentId() == null;
    }

    /**
     * Expires online payments still pending (no callback) that started before {@code startedBefore}, one short
     * transaction each, and frees the member's payment slot so they can pay again. A success reported later is
     * handled by {@link #handleCallback} (applied once if still applicable, else UNAPPLIED).
     */
    public int expirePending(OffsetDateTime startedBefore) {
        int n = 0;
        for (DuesPaymentRecord p : tx.execute(s -> repo.pendingStartedBefore(startedBefore, 500))) {
            boolean expired = Boolean.TRUE.equals(tx.execute(s -> {
                if (!repo.finish(p.getId(), PaymentStatus.EXPIRED, null, "timeout")) {
                    return false; // a callback finished it meanwhile
                }
                repo.releasePending(p.getMemberId(), p.getId());
                audit.success("dues.pay.expired", "member", p.getMemberId(), p.getOrgPath(), "payment " + p.getId());
                return true;
            }));
            n += expired ? 1 : 0;
        }
        return n;
    }

    /** Row-lock conflicts (two transactions on one account) answer 409 instead of a server error. */
    private static <T> T locked(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (org.springframework.dao.ConcurrencyFailureException e) {
            throw new ConflictException("error.concurrentChange");
        }
    }

    /** Books a successful payment: paid-up-to advances from exactly the month it was computed against. */
    private CallbackOutcome apply(DuesPaymentRecord p, DuesAccountRecord a, String gatewayId, boolean wasPending) {
        {
            LocalDate expected = YearMonth.from(p.getPeriodFrom()).minusMonths(1).atDay(1);
            if (a.getPaidUpTo() == null ? !firstOpen(a).atDay(1).equals(p.getPeriodFrom()) : !a.getPaidUpTo().equals(expected)) {
                throw new ConflictException("dues.callback.notApplicable");
            }
            LocalDate expectedPaid = a.getPaidUpTo() == null ? null : expected;
            boolean applied = wasPending || repo.refinishLate(p.getId());
            if (!applied || !repo.advance(p.getMemberId(), expectedPaid, p.getPeriodTo(), wasPending ? p.getId() : null)) {
                throw new ConflictException("dues.callback.notApplicable");
            }
            DuesPaymentRecord done = repo.payment(p.getId()).orElseThrow();
            done.setReceiptNo("ZB" + p.getPeriodTo().toString().substring(0, 7).replace("-", "") + "-" + p.getId());
            repo.setReceiptNo(p.getId(), done.getReceiptNo());
            book(done, a, "gateway:" + gatewayId);
            audit.success("dues.pay.succeeded", "member", p.getMemberId(), p.getOrgPath(),
                    "payment " + p.getId() + " " + p.getAmount());
            return CallbackOutcome.APPLIED;
        }
    }

    /** Correction: the member's latest payment is reversed by negative entries (the ledger is never edited). */
    public Payment reverse(DataScope scope, long paymentId, String reason) {
        requireTreasurer(scope);
        String why = TextInput.required(reason, "reason", 200);
        return payment(tx.execute(s -> {
            DuesPaymentRecord p = repo.payment(paymentId).orElseThrow(() -> new NotFoundException("payment", paymentId));
            DuesAccountRecord a = load(scope, p.getMemberId());
            if (p.getStatus() != PaymentStatus.SUCCEEDED || !p.getPeriodTo().equals(a.getPaidUpTo())) {
                throw new ConflictException("dues.reverse.notLatest");
            }
            LocalDate back = YearMonth.from(p.getPeriodFrom()).minusMonths(1).atDay(1);
            boolean wasFirst = repo.firstBill(a.getMemberId()).map(f -> !f.isBefore(p.getPeriodFrom())).orElse(true);
            if (!repo.markReversed(paymentId) || !repo.advance(a.getMemberId(), a.getPaidUpTo(), wasFirst ? null : back, null)) {
                throw new ConflictException("error.concurrentChange");
            }
            List<DuesEntryRecord> reversals = new ArrayList<>();
            for (DuesEntryRecord e : repo.entriesOfPayment(paymentId)) {
                DuesEntryRecord r = e.copy();
                r.setKind(EntryKind.REVERSAL);
                r.setAmount(e.getAmount().negate());
                r.setPaymentId(null);
                r.setReversesEntryId(e.getId());
                r.setNote(why);
                r.setCreatedBy(scope.username());
                reversals.add(r);
            }
            repo.insertEntries(reversals);
            events.publishEvent(new DuesEvents.PaymentReversed(paymentId, a.getMemberId(), LocalDate.now(clock)));
            audit.success("dues.reverse", "member", a.getMemberId(), a.getOrgPath(), "payment " + paymentId + ": " + why);
            return repo.payment(paymentId).orElseThrow();
        }));
    }

    // --- arrears and reports

    public List<Arrears> arrears(DataScope scope, Long orgId) {
        requireTreasurer(scope);
        String path = orgId == null ? scope.orgPath() : orgs.get(scope, orgId).path();
        return tx.execute(s -> {
            List<Record> rows = repo.arrears(path, null, currentMonth().atDay(1), REMINDER_MONTHS, 500);
            Map<Long, String> names = directory.namesOf(scope, rows.stream().map(r -> r.get("member_id", Long.class)).toList());
            return rows.stream().map(r -> {
                int months = r.get("months", Integer.class);
                LocalDate paid = r.get("paid_up_to", LocalDate.class);
                return new Arrears(r.get("member_id", Long.class), names.get(r.get("member_id", Long.class)),
                        r.get("org_id", Long.class), paid == null ? null : YearMonth.from(paid),
                        YearMonth.from(r.get("since", LocalDate.class)), months,
                        r.get("owed", BigDecimal.class).setScale(2, RoundingMode.HALF_UP),
                        months >= REVIEW_MONTHS ? ArrearsLevel.REVIEW : ArrearsLevel.REMINDER); // R5.6, R3.4
            }).toList();
        });
    }

    /** R5.7 公示 of one branch for [from, to]: member, category, due, paid, paid-up-to — never the income. */
    public Publicity publicity(DataScope scope, long orgId, YearMonth from, YearMonth to) {
        if (scope.role() == Role.MEMBER) {
            throw new ForbiddenException("the publicity list is posted by the branch");
        }
        requireTreasurer(scope);
        Organization org = orgs.get(scope, orgId);
        YearMonth f = from == null ? currentMonth().withMonth(1) : from;
        YearMonth t = to == null ? currentMonth() : to;
        if (t.isBefore(f)) {
            throw InvalidInputException.of("to", "dues.period.order");
        }
        return tx.execute(s -> {
            List<Record> rows = repo.publicity(org.id(), f.atDay(1), t.atDay(1));
            Map<Long, String> names = directory.namesOf(scope, rows.stream().map(r -> r.get("member_id", Long.class)).toList());
            Map<Long, String> reliefs = repo.reliefKinds(org.id(), f.atDay(1), t.atDay(1)); // R5.5: kind only
            List<PublicityLine> lines = rows.stream().map(r -> {
                LocalDate paid = r.get("paid_up_to", LocalDate.class);
                return new PublicityLine(r.get("member_id", Long.class), names.get(r.get("member_id", Long.class)),
                        r.get("dues_category", DuesCategory.class), money(r.get("due", BigDecimal.class)),
                        money(r.get("paid", BigDecimal.class)), paid == null ? null : YearMonth.from(paid),
                        reliefs.get(r.get("member_id", Long.class)));
            }).toList();
            audit.read("dues.publicity", "org", orgId, org.path(), f + "…" + t);
            return new Publicity(org.id(), org.name(), f, t, lines,
                    lines.stream().map(PublicityLine::due).reduce(BigDecimal.ZERO, BigDecimal::add),
                    lines.stream().map(PublicityLine::paid).reduce(BigDecimal.ZERO, BigDecimal::add));
        });
    }

    /** Collection rate per branch of the subtree for one month. */
    public DuesViews.Collection collection(DataScope scope, Long orgId, YearMonth period) {
        requireTreasurer(scope);
        Organization org = orgId == null ? (scope.scopeOrgId() == null ? null : orgs.get(scope, scope.scopeOrgId()))
                : orgs.get(scope, orgId);
        String path = org == null ? scope.orgPath() : org.path();
        YearMonth p = period == null ? currentMonth() : period;
        return tx.execute(s -> {
            List<Record> rows = repo.collection(path, p.atDay(1), 2000);
            Map<Long, String> names = orgs.namesOf(rows.stream().map(r -> r.get("org_id", Long.class)).toList());
            List<CollectionLine> lines = rows.stream().map(r -> {
                BigDecimal due = money(r.get("due", BigDecimal.class));
                BigDecimal paid = money(r.get("paid", BigDecimal.class));
                return new CollectionLine(r.get("org_id", Long.class), names.get(r.get("org_id", Long.class)),
                        r.get("bills", Integer.class), r.get("payers", Integer.class), due, paid, rate(paid, due));
            }).toList();
            BigDecimal due = lines.stream().map(CollectionLine::due).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal paid = lines.stream().map(CollectionLine::paid).reduce(BigDecimal.ZERO, BigDecimal::add);
            return new DuesViews.Collection(org == null ? 0 : org.id(), p, lines,
                    lines.stream().mapToInt(CollectionLine::bills).sum(),
                    lines.stream().mapToInt(CollectionLine::payers).sum(), due, paid, rate(paid, due));
        });
    }

    /** The treasurer's check: money received per method vs entries booked in the month (differences show). */
    public List<ReconciliationLine> reconciliation(DataScope scope, long orgId, YearMonth month) {
        requireTreasurer(scope);
        Organization org = orgs.get(scope, orgId);
        YearMonth m = month == null ? currentMonth() : month;
        ZoneId zone = clock.getZone();
        return tx.execute(s -> repo.reconciliation(org.id(), m.atDay(1).atStartOfDay(zone).toOffsetDateTime(),
                m.plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime()).stream().map(r -> {
                    BigDecimal received = money(r.get("received", BigDecimal.class));
                    BigDecimal booked = money(r.get("booked", BigDecimal.class));
                    return new ReconciliationLine(r.get("method", String.class), r.get("payments", Integer.class),
                            received, booked, received.subtract(booked));
                }).toList());
    }

    /** R5.7 / issue item 6: reconciliation of the months [from, to] (at most 12), newest first. */
    public DuesViews.Reconciliation reconciliationReport(DataScope scope, long orgId, YearMonth from, YearMonth to) {
        requireTreasurer(scope);
        Organization org = orgs.get(scope, orgId);
        YearMonth t = to == null ? currentMonth() : to;
        YearMonth f = from == null ? t.minusMonths(2) : from;
        if (t.isBefore(f)) {
            throw InvalidInputException.of("to", "dues.period.order");
        }
        if (f.plusMonths(11).isBefore(t)) {
            throw InvalidInputException.of("from", "dues.reconciliation.tooLong", 12);
        }
        List<DuesViews.ReconciliationMonth> months = new ArrayList<>();
        for (YearMonth m = t; !m.isBefore(f); m = m.minusMonths(1)) {
            List<ReconciliationLine> lines = reconciliation(scope, orgId, m);
            BigDecimal received = lines.stream().map(ReconciliationLine::received).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal booked = lines.stream().map(ReconciliationLine::booked).reduce(BigDecimal.ZERO, BigDecimal::add);
            months.add(new DuesViews.ReconciliationMonth(m, lines, received, booked, received.subtract(booked)));
        }
        List<Payment> attention = tx.execute(s -> repo.paymentsOfOrg(org.id(), List.of(PaymentStatus.UNAPPLIED), 100))
                .stream().map(DuesService::payment).toList();
        audit.read("dues.reconciliation", "org", orgId, org.path(), f + "…" + t);
        return new DuesViews.Reconciliation(org.id(), org.name(), f, t, months, attention);
    }

    // --- for other modules (the transfer flow, R4.4)

    /** The last month the member has paid (党费交至), empty if nothing was paid yet. */
    public Optional<YearMonth> paidUpTo(DataScope scope, long memberId) {
        return tx.execute(s -> Optional.ofNullable(load(scope, memberId).getPaidUpTo()).map(YearMonth::from));
    }

    /** R4.4: before a transfer out, dues must be paid up to the transfer month. */
    public boolean isPaidUpTo(DataScope scope, long memberId, YearMonth month) {
        return tx.execute(s -> {
            DuesAccountRecord a = load(scope, memberId);
            return a.getPaidUpTo() != null ? !YearMonth.from(a.getPaidUpTo()).isBefore(month)
                    : firstOpen(a).isAfter(month);
        });
    }

    // --- internals

    private record Span(YearMonth from, YearMonth to, BigDecimal amount, List<BigDecimal> perMonth) {
    }

    /** The months a payment covers: from the first open month to {@code upTo}, within the R5.3 window. */
    private Span span(DuesAccountRecord a, YearMonth upTo, boolean online) {
        YearMonth current = currentMonth();
        YearMonth target = upTo == null ? current : upTo;
        YearMonth from = firstOpen(a);
        if (target.isAfter(current.plusMonths(MAX_MONTHS_AHEAD))) {
            throw InvalidInputException.of("upTo", "dues.upTo.tooFar", MAX_MONTHS_AHEAD); // R5.3
        }
        if (target.isBefore(from)) {
            throw InvalidInputException.of("upTo", "dues.upTo.alreadyPaid", from);
        }
        List<BigDecimal> perMonth = new ArrayList<>();
        YearMonth firstOwed = null;
        for (YearMonth m = from; !m.isAfter(target); m = m.plusMonths(1)) {
            BigDecimal due = repo.dueFor(a.getMemberId(), m.atDay(1), a.getMonthlyAmount());
            perMonth.add(due);
            if (firstOwed == null && due.signum() > 0) {
                firstOwed = m;
            }
        }
        // months exempted by an approved relief (R5.5) owe nothing, so they do not make a payment "too old"
        if (online && firstOwed != null && firstOwed.isBefore(current.minusMonths(MAX_MONTHS_BEHIND))) {
            throw InvalidInputException.of("upTo", "dues.upTo.tooOld", MAX_MONTHS_BEHIND); // R5.3: treasurer only
        }
        if (online && firstOwed == null) {
            throw InvalidInputException.of("upTo", "dues.pay.nothingDue");
        }
        return new Span(from, target, perMonth.stream().reduce(BigDecimal.ZERO, BigDecimal::add), perMonth);
    }

    /** The first month not yet paid: after paid-up-to, else the first bill, else the current month. */
    private YearMonth firstOpen(DuesAccountRecord a) {
        if (a.getPaidUpTo() != null) {
            return YearMonth.from(a.getPaidUpTo()).plusMonths(1);
        }
        return repo.firstBill(a.getMemberId()).map(YearMonth::from).orElse(currentMonth());
    }

    private DuesPaymentRecord newPayment(DuesAccountRecord a, String key, String gateway, String method, PaymentStatus status,
                                         Span span, String by) {
        DuesPaymentRecord p = new DuesPaymentRecord();
        p.setRegionOrgId(a.getRegionOrgId());
        p.setOrgPath(a.getOrgPath());
        p.setMemberId(a.getMemberId());
        p.setIdempotencyKey(key);
        p.setGateway(gateway);
        p.setMethod(method);
        p.setStatus(status);
        p.setAmount(span.amount);
        p.setPeriodFrom(span.from.atDay(1));
        p.setPeriodTo(span.to.atDay(1));
        p.setCreatedBy(by);
        p.setVoluntary(BigDecimal.ZERO);
        p.setRemitInFull(false);
        p.setVersion(0);
        return p;
    }

    /** 实交 one PAYMENT entry per month covered; (payment, month) is unique, so nothing is booked twice. */
    private void book(DuesPaymentRecord p, DuesAccountRecord a, String by) {
        List<DuesEntryRecord> entries = new ArrayList<>();
        BigDecimal voluntary = p.getVoluntary() == null ? BigDecimal.ZERO : p.getVoluntary();
        BigDecimal left = p.getAmount().subtract(voluntary);
        YearMonth last = YearMonth.from(p.getPeriodTo());
        for (YearMonth m = YearMonth.from(p.getPeriodFrom()); !m.isAfter(last); m = m.plusMonths(1)) {
            BigDecimal due = repo.dueFor(a.getMemberId(), m.atDay(1), a.getMonthlyAmount());
            BigDecimal amount = m.equals(last) ? left : due.min(left);
            left = left.subtract(amount);
            DuesEntryRecord e = new DuesEntryRecord();
            e.setRegionOrgId(a.getRegionOrgId());
            e.setOrgPath(a.getOrgPath());
            e.setMemberId(a.getMemberId());
            e.setPeriod(m.atDay(1));
            e.setKind(EntryKind.PAYMENT);
            e.setAmount(amount);
            e.setPaymentId(p.getId());
            e.setMethod(p.getMethod());
            e.setReceiptNo(p.getReceiptNo());
            e.setCreatedBy(by);
            entries.add(e);
        }
        if (voluntary.signum() > 0) {
            DuesEntryRecord v = entries.get(entries.size() - 1).copy();
            v.setKind(EntryKind.VOLUNTARY);
            v.setAmount(voluntary);
            v.setPaymentId(p.getId());
            v.setNote(Boolean.TRUE.equals(p.getRemitInFull()) ? "remit in full (R5.5)" : null);
            entries.add(v);
        }
        repo.insertEntries(entries);
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(p.getPeriodFrom()); !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        events.publishEvent(new DuesEvents.MonthsPaid(p.getId(), a.getMemberId(), months, LocalDate.now(clock)));
    }

    private DuesAccountRecord load(DataScope scope, long memberId) {
        if (!scope.canReadRoster()) {
            throw new ForbiddenException("role has no dues access");
        }
        return repo.account(memberId)
                .filter(a -> scope.covers(a.getOrgPath()))
                .filter(a -> !scope.selfOnly() || a.getMemberId().equals(scope.selfMemberId()))
                .orElseThrow(() -> new NotFoundException("member", memberId));
    }

    private Account account(DuesAccountRecord r, String name, YearMonth current) {
        int unpaid = repo.arrears(r.getOrgPath(), r.getOrgId(), current.atDay(1), 1, 10_000).stream()
                .filter(x -> x.get("member_id", Long.class).equals(r.getMemberId()))
                .mapToInt(x -> x.get("months", Integer.class)).findFirst().orElse(0);
        return account(r, name, unpaid);
    }

    private Account account(DuesAccountRecord r, String name, int unpaid) {
        return new Account(r.getMemberId(), name, r.getOrgId(), r.getMemberCategory().name(), r.getStanding().name(),
                r.getDuesCategory(), r.getMonthlyBase(),
                r.getMonthlyAmount(), r.getBaseYear(), r.getPaidUpTo() == null ? null : YearMonth.from(r.getPaidUpTo()),
                firstOpen(r), r.getPendingPaymentId(), unpaid, r.getVersion(),
                r.getLatestCategory(), r.getLatestBase(),
                r.getLatestAmount());
    }

    private static Bill bill(Record r) {
        BigDecimal due = r.get("amount_due", BigDecimal.class);
        BigDecimal paid = money(r.get("paid", BigDecimal.class));
        return new Bill(YearMonth.from(r.get("period", LocalDate.class)), money(due), paid,
                r.get("dues_category", DuesCategory.class), paid.compareTo(due) >= 0, null);
    }

    private static Payment payment(DuesPaymentRecord p) {
        return new Payment(p.getId(), p.getMemberId(), p.getGateway(), p.getMethod(), p.getStatus().name(), p.getAmount(),
                YearMonth.from(p.getPeriodFrom()), YearMonth.from(p.getPeriodTo()), p.getReceiptNo(),
                p.getFailureReason(), p.getCreatedAt(), p.getCompletedAt(), p.getVoluntary(),
                Boolean.TRUE.equals(p.getRemitInFull()), p.getVersion());
    }

    private static BigDecimal money(BigDecimal v) {
        return (v == null ? BigDecimal.ZERO : v).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal rate(BigDecimal paid, BigDecimal due) {
        return due.signum() == 0 ? null : paid.divide(due, 4, RoundingMode.HALF_UP);
    }

    private static String key(String raw) {
        if (raw == null || !raw.matches("[A-Za-z0-9_-]{8,64}")) {
            throw InvalidInputException.of("idempotencyKey", "dues.key.invalid");
        }
        return raw;
    }

    private static void requireTreasurer(DataScope scope) {
        if (!scope.canManageMembers()) {
            throw new ForbiddenException("only the treasurer (branch secretary) or a superior may do this");
        }
    }
}
