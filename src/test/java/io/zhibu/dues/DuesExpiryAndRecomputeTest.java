package io.zhibu.dues;

import static io.zhibu.db.Tables.DUES_ACCOUNT;
import static io.zhibu.db.Tables.DUES_BILL;
import static io.zhibu.db.Tables.DUES_ENTRY;
import static io.zhibu.db.Tables.DUES_PAYMENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.audit.AuditLog;
import io.zhibu.db.tables.records.DuesAccountRecord;
import io.zhibu.dues.internal.DuesJobs;
import io.zhibu.dues.internal.DuesRepository;
import io.zhibu.dues.internal.SandboxGateway;
import io.zhibu.member.MemberDirectory;
import io.zhibu.org.OrgService;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.Role;
import io.zhibu.support.Api;
import io.zhibu.support.DemoFacts;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.TestIds;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Pending online payments expire (job called directly); late callbacks; R5.4 annual vs monthly recompute. */
class DuesExpiryAndRecomputeTest extends IntegrationTest {
    @Autowired
    DSLContext db;
    @Autowired
    org.springframework.context.ApplicationEventPublisher events;
    @Autowired
    DuesJobs jobs;
    @Autowired
    DuesService dues;
    @Autowired
    SandboxGateway sandbox;
    @Autowired
    DuesRepository repo;
    @Autowired
    DuesCalculator calculator;
    @Autowired
    MemberDirectory directory;
    @Autowired
    OrgService orgs;
    @Autowired
    AuditLog audit;
    @Autowired
    Clock clock;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    List<PaymentGateway> gateways;

    Api secretary;
    DemoFacts facts;
    YearMonth current = YearMonth.now();

    @BeforeEach
    void setUp() {
        secretary = as("secretary");
        facts = DemoFacts.discover(as("admin"), secretary, as("township"));
    }

    long newMember() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orgId", facts.ownBranchId());
        m.put("name", "超时测试");
        m.put("idNumber", TestIds.fresh(true));
        m.put("ethnicity", "01");
        m.put("category", "FULL");
        m.put("joinedOn", "2013-07-01");
        Api.Response r = secretary.post("/api/v1/members", Api.json(m));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.at("/id").asLong();
    }

    DataScope memberScope(long memberId) {
        return new DataScope(0, "dues-expiry-test", Role.MEMBER, facts.ownBranchId(), facts.ownBranchPath(), null, memberId);
    }

    /** An online payment the gateway never answered, started two hours ago (as payOnline leaves it). */
    long stalePending(long memberId) {
        return tx.execute(s -> {
            DuesAccountRecord a = repo.account(memberId).orElseThrow();
            long id = db.insertInto(DUES_PAYMENT).set(DUES_PAYMENT.REGION_ORG_ID, a.getRegionOrgId())
                    .set(DUES_PAYMENT.ORG_PATH, a.getOrgPath()).set(DUES_PAYMENT.MEMBER_ID, memberId)
                    .set(DUES_PAYMENT.IDEMPOTENCY_KEY, UUID.randomUUID().toString()).set(DUES_PAYMENT.GATEWAY, "SANDBOX")
                    .set(DUES_PAYMENT.METHOD, "ONLINE").set(DUES_PAYMENT.STATUS, PaymentStatus.PENDING)
                    .set(DUES_PAYMENT.AMOUNT, a.getMonthlyAmount()).set(DUES_PAYMENT.PERIOD_FROM, current.atDay(1))
                    .set(DUES_PAYMENT.PERIOD_TO, current.atDay(1)).set(DUES_PAYMENT.OPEN_MEMBER_ID, memberId)
                    .set(DUES_PAYMENT.GATEWAY_REF, "SANDBOX-" + UUID.randomUUID()).set(DUES_PAYMENT.CREATED_BY, "test")
                    .set(DUES_PAYMENT.CREATED_AT, OffsetDateTime.now().minusHours(2))
                    .returning(DUES_PAYMENT.ID).fetchOne().getId();
            assertThat(repo.claimPending(memberId, a.getVersion(), id)).isTrue();
            return id;
        });
    }

    String callback(long paymentId, String status) {
        String ref = db.select(DUES_PAYMENT.GATEWAY_REF).from(DUES_PAYMENT).where(DUES_PAYMENT.ID.eq(paymentId)).fetchOne(0, String.class);
        String body = "paymentId=" + paymentId + "&status=" + status + "&ref=" + ref;
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/v1/dues/callbacks/SANDBOX")).POST(HttpRequest.BodyPublishers.ofString(body))
                    .header("X-Signature", sandbox.sign(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return r.body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    BigDecimal ledger(long memberId) {
        return db.select(DSL.coalesce(DSL.sum(DUES_ENTRY.AMOUNT), BigDecimal.ZERO)).from(DUES_ENTRY)
                .where(DUES_ENTRY.MEMBER_ID.eq(memberId)).fetchOne(0, BigDecimal.class);
    }

    String status(long paymentId) {
        return dues.payment(memberScope(db.select(DUES_PAYMENT.MEMBER_ID).from(DUES_PAYMENT)
                .where(DUES_PAYMENT.ID.eq(paymentId)).fetchOne(0, Long.class)), paymentId).status();
    }

    @Test
    void aStalePendingPaymentExpiresAndALateSuccessIsAppliedOnceIfStillApplicable() {
        long id = newMember();
        long stale = stalePending(id);
        assertThat(dues.statement(memberScope(id), id).account().pendingPaymentId()).isEqualTo(stale);
        jobs.expirePendingPayments();
        assertThat(status(stale)).isEqualTo("EXPIRED");
        assertThat(dues.statement(memberScope(id), id).account().pendingPaymentId()).isNull();
        jobs.expirePendingPayments(); // running again changes nothing
        assertThat(status(stale)).isEqualTo("EXPIRED");
        assertThat(callback(stale, "FAILED")).isEqualTo("IGNORED");
        // the money arrives after all: nothing else was paid meanwhile, so it is applied, exactly once
        assertThat(callback(stale, "SUCCEEDED")).isEqualTo("APPLIED");
        assertThat(callback(stale, "SUCCEEDED")).isEqualTo("DUPLICATE");
        assertThat(status(stale)).isEqualTo("SUCCEEDED");
        assertThat(dues.paidUpTo(memberScope(id), id)).contains(current);
        assertThat(ledger(id)).isEqualByComparingTo("0.20");
    }

    @Test
    void afterExpiryTheMemberPaysAgainAndALateSuccessIsKeptUnappliedForReconciliation() throws Exception {
        long id = newMember();
        long stale = stalePending(id);
        jobs.expirePendingPayments();
        DuesViews.Payment again = dues.payOnline(memberScope(id), id, new DuesViews.PayForm(current, UUID.randomUUID().toString()));
        assertThat(again.status()).isEqualTo("PENDING");
        for (int i = 0; i < 100 && !"SUCCEEDED".equals(status(again.id())); i++) {
            Thread.sleep(100); // the sandbox answers asynchronously
        }
        assertThat(status(again.id())).isEqualTo("SUCCEEDED");
        assertThat(callback(stale, "SUCCEEDED")).isEqualTo("UNAPPLIED");
        assertThat(callback(stale, "SUCCEEDED")).isEqualTo("DUPLICATE");
        assertThat(status(stale)).isEqualTo("UNAPPLIED");
        assertThat(ledger(id)).isEqualByComparingTo("0.20"); // no double booking
        Api.Response rec = secretary.get("/api/v1/dues/reconciliation/report?orgId=" + facts.ownBranchId());
        assertThat(rec.status()).as(rec.body()).isEqualTo(200);
        assertThat(rec.body()).contains("\"id\":" + stale);
        BigDecimal online = null;
        for (var l : rec.at("/months/0/lines")) {
            if ("ONLINE".equals(l.get("method").asText())) {
                online = l.get("difference").decimalValue(); // received but not booked: the late payment
            }
        }
        assertThat(online).isNotNull().isGreaterThanOrEqualTo(new BigDecimal("0.20"));
        assertThat(secretary.get("/api/v1/dues/reconciliation.xlsx?orgId=" + facts.ownBranchId()).body()).startsWith("PK");
        assertThat(secretary.get("/api/v1/dues/reconciliation/report?orgId=" + facts.ownBranchId() + "&from="
                + current.minusMonths(12) + "&to=" + current).status()).isEqualTo(400);
    }

    BigDecimal billed(long memberId, YearMonth m) {
        return db.select(DUES_BILL.AMOUNT_DUE).from(DUES_BILL).where(DUES_BILL.MEMBER_ID.eq(memberId))
                .and(DUES_BILL.PERIOD.eq(m.atDay(1))).fetchOne(DUES_BILL.AMOUNT_DUE);
    }

    DuesViews.Account setBase(DuesService service, long id, String income, boolean correction) {
        int version = dues.statement(memberScope(id), id).account().version();
        DataScope sec = new DataScope(0, "dues-recompute-test", Role.BRANCH_SECRETARY, facts.ownBranchId(),
                facts.ownBranchPath(), null, null);
        return service.setBase(sec, id, new DuesViews.BaseForm(DuesCategory.EMPLOYED, new BigDecimal(income), version, correction));
    }

    @Test
    void annualBaseStaysFixedForTheYearWhileMonthlyRecomputeBillsTheLatestBase() {
        assertThat(dues.recompute()).isEqualTo(BaseRecompute.ANNUAL); // the default
        long fixed = newMember();
        long newYear = newMember();
        long corrected = newMember();
        // R5.4 annual: the year's first base is billed; a raise later in the year waits for next year
        assertThat(setBase(dues, fixed, "4500", false).monthlyAmount()).isEqualByComparingTo("45.00");
        DuesViews.Account raised = setBase(dues, fixed, "10000", false);
        assertThat(raised.monthlyAmount()).isEqualByComparingTo("45.00");
        assertThat(raised.latestAmount()).isEqualByComparingTo("150.00");
        assertThat(raised.changeFromNextYear()).isTrue();
        // a marked correction applies at once
        setBase(dues, corrected, "4500", false);
        assertThat(setBase(dues, corrected, "2000", true).monthlyAmount()).isEqualByComparingTo("10.00");
        // a base from last year: the first issue of the new year takes the latest base
        setBase(dues, newYear, "4500", false);
        setBase(dues, newYear, "10000", false);
        db.update(DUES_ACCOUNT).set(DUES_ACCOUNT.BASE_YEAR, current.getYear() - 1).where(DUES_ACCOUNT.MEMBER_ID.eq(newYear)).execute();
        Api.Response issued = secretary.post("/api/v1/dues/bills/issue", "{\"period\":\"" + current + "\",\"orgId\":" + facts.ownBranchId() + "}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        assertThat(billed(fixed, current)).isEqualByComparingTo("45.00");
        assertThat(billed(newYear, current)).isEqualByComparingTo("150.00");
        assertThat(billed(corrected, current)).isEqualByComparingTo("10.00");
        assertThat(dues.statement(memberScope(newYear), newYear).account().baseYear()).isEqualTo(current.getYear());

        // zhibu.dues.recompute=MONTHLY: the monthly issue bills from the latest base
        DuesService monthly = new DuesService(repo, calculator, directory, orgs, audit, clock, tx, gateways,
                new DuesProperties("SANDBOX", BaseRecompute.MONTHLY, null, null, null, null), events);
        long m = newMember();
        setBase(dues, m, "4500", false);
        setBase(dues, m, "10000", false); // entered under the annual rule: billed base stays 45.00
        assertThat(dues.statement(memberScope(m), m).account().monthlyAmount()).isEqualByComparingTo("45.00");
        DataScope sec = new DataScope(0, "dues-recompute-test", Role.BRANCH_SECRETARY, facts.ownBranchId(),
                facts.ownBranchPath(), null, null);
        monthly.issue(sec, current, facts.ownBranchId());
        assertThat(billed(m, current)).isEqualByComparingTo("150.00");
        assertThat(dues.statement(memberScope(m), m).account().monthlyAmount()).isEqualByComparingTo("150.00");
        // and under MONTHLY a new base is billed at once, no correction needed
        assertThat(setBase(monthly, m, "2000", false).monthlyAmount()).isEqualByComparingTo("10.00");
    }
}
