package io.zhibu.warning;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.dues.DuesService;
import io.zhibu.dues.DuesViews;
import io.zhibu.member.LifecycleChange;
import io.zhibu.member.MemberCategory;
import io.zhibu.member.MemberEventType;
import io.zhibu.member.MemberForm;
import io.zhibu.member.MemberLifecycle;
import io.zhibu.member.MemberService;
import io.zhibu.org.OrgCommands;
import io.zhibu.org.OrgDomain;
import io.zhibu.org.OrgService;
import io.zhibu.org.OrgTerms;
import io.zhibu.org.OrgType;
import io.zhibu.org.TermForm;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.Role;
import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.TestIds;
import io.zhibu.warning.internal.SweepEngine;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each rule opens and closes on the right day (through the sweep with a date parameter), acknowledging, history,
 * idempotence, notifications and scope isolation — on H2 and (with -Dzhibu.test.db=postgres) PostgreSQL.
 */
class WarningSweepTest extends IntegrationTest {
    static final DataScope ADMIN = new DataScope(0, "warning-test", Role.ADMIN, null, OrgPath.ROOT, null, null);

    @Autowired SweepEngine engine;
    @Autowired OrgService orgs;
    @Autowired OrgTerms terms;
    @Autowired MemberService members;
    @Autowired MemberLifecycle lifecycle;
    @Autowired DuesService dues;
    @Autowired WarningQuery query;
    @Autowired WarningService warnings;

    private long township() {
        return as("township").get("/api/v1/me").at("/orgId").asLong();
    }

    private long branch(LocalDate termStarted) {
        String name = "预警测试支部" + UUID.randomUUID().toString().substring(0, 8);
        return orgs.create(ADMIN, new OrgCommands.CreateOrg(township(), name, OrgType.BRANCH, OrgDomain.AGENCY, null, null,
                null, null, LocalDate.of(2015, 1, 1), null, termStarted, List.of(), true)).id();
    }

    private long member(long branch, MemberCategory category) {
        return members.create(ADMIN, new MemberForm(branch, name(), TestIds.fresh(true),
                null, null, "01", null, null, null, null, null, category, LocalDate.of(2010, 1, 1), null, null, null, null,
                null, null, null)).id();
    }

    private static final java.util.concurrent.atomic.AtomicInteger SEQ = new java.util.concurrent.atomic.AtomicInteger();

    /** A unique Chinese test name (digits are not allowed in names). */
    private static String name() {
        String chars = "甲乙丙丁戊己庚辛壬癸";
        int n = SEQ.incrementAndGet() + (int) (System.nanoTime() % 1000) * 100;
        StringBuilder sb = new StringBuilder("预警");
        for (int i = 0; i < 5; i++) {
            sb.append(chars.charAt(n % 10));
            n /= 10;
        }
        return sb.toString();
    }

    private List<WarningViews.Warning> open(long orgId, WarningRule rule) {
        return query.list(ADMIN, new WarningViews.Filter(orgId, rule.id(), null, null), 0, 200).items();
    }

    private List<WarningViews.Warning> closed(long orgId, WarningRule rule) {
        return query.list(ADMIN, new WarningViews.Filter(orgId, rule.id(), null, WarningViews.Status.CLOSED), 0, 200).items();
    }

    private SweepEngine.Result sweep(WarningRule rule, String day) {
        return engine.sweep(LocalDate.parse(day), EnumSet.of(rule), "test");
    }

    @Test
    void termExpiryOpensAtTMinus6EscalatesAndClosesWithTheNewTerm() {
        long b = branch(LocalDate.of(2022, 3, 10)); // 机关 branch: 3-year term, ends 2025-03-10
        sweep(WarningRule.TERM_EXPIRY, "2024-09-09");
        assertThat(open(b, WarningRule.TERM_EXPIRY)).isEmpty();
        sweep(WarningRule.TERM_EXPIRY, "2024-09-10");
        var w = open(b, WarningRule.TERM_EXPIRY);
        assertThat(w).singleElement().satisfies(x -> {
            assertThat(x.level()).isEqualTo("T6");
            assertThat(x.severity()).isEqualTo(Severity.INFO);
            assertThat(x.dueOn()).isEqualTo(LocalDate.of(2025, 3, 10));
            assertThat(x.ruleRef()).isEqualTo("R1.8");
        });
        long id = w.getFirst().id();
        sweep(WarningRule.TERM_EXPIRY, "2025-02-10");
        assertThat(open(b, WarningRule.TERM_EXPIRY)).singleElement()
                .satisfies(x -> assertThat(x.id()).isEqualTo(id)).satisfies(x -> assertThat(x.level()).isEqualTo("T1"));
        sweep(WarningRule.TERM_EXPIRY, "2025-03-10");
        assertThat(open(b, WarningRule.TERM_EXPIRY).getFirst().level()).isEqualTo("T1");
        sweep(WarningRule.TERM_EXPIRY, "2025-03-11");
        var overdue = open(b, WarningRule.TERM_EXPIRY).getFirst();
        assertThat(overdue.level()).isEqualTo("OVERDUE");
        assertThat(overdue.severity()).isEqualTo(Severity.CRITICAL);

        warnings.acknowledge(ADMIN, id, new WarningViews.AckForm(overdue.version(), "换届筹备中"));
        assertThat(query.get(ADMIN, id).warning().status()).isEqualTo(WarningViews.Status.ACKNOWLEDGED);
        var again = sweep(WarningRule.TERM_EXPIRY, "2025-03-11"); // idempotent: nothing moves
        assertThat(again.opened() + again.changed() + again.closed()).isZero();
        assertThat(query.get(ADMIN, id).warning().status()).isEqualTo(WarningViews.Status.ACKNOWLEDGED);

        terms.openTerm(ADMIN, b, new TermForm(LocalDate.of(2025, 3, 12), null, "张书记", null, null, null, null));
        sweep(WarningRule.TERM_EXPIRY, "2025-03-12");
        assertThat(open(b, WarningRule.TERM_EXPIRY)).isEmpty();
        var detail = query.get(ADMIN, id);
        assertThat(detail.warning().status()).isEqualTo(WarningViews.Status.CLOSED);
        assertThat(detail.warning().closedOn()).isEqualTo(LocalDate.of(2025, 3, 12));
        assertThat(detail.history()).extracting(WarningViews.HistoryEntry::type)
                .containsExactly("OPENED", "CHANGED", "CHANGED", "ACKNOWLEDGED", "CLOSED");
    }

    @Test
    void lostContactClockOpensAtThreeAndSixMonthsAndClosesWhenContactIsRestored() {
        long b = branch(null);
        long m = member(b, MemberCategory.FULL);
        lifecycle.record(ADMIN, m, new LifecycleChange(MemberEventType.LOST_CONTACT, LocalDate.of(2025, 11, 30), "外出务工失联",
                null, null, null, null, null, null));
        sweep(WarningRule.LOST_CONTACT, "2026-02-27");
        assertThat(open(b, WarningRule.LOST_CONTACT)).isEmpty();
        sweep(WarningRule.LOST_CONTACT, "2026-02-28"); // +3 months, month end (R2.4)
        assertThat(open(b, WarningRule.LOST_CONTACT)).singleElement()
                .satisfies(x -> assertThat(x.level()).isEqualTo("ALERT"))
                .satisfies(x -> assertThat(x.memberId()).isEqualTo(m));
        sweep(WarningRule.LOST_CONTACT, "2026-05-30");
        assertThat(open(b, WarningRule.LOST_CONTACT).getFirst().level()).isEqualTo("SUSPEND_DUE");
        lifecycle.record(ADMIN, m, new LifecycleChange(MemberEventType.CONTACT_RESTORED, LocalDate.of(2026, 6, 1), "已联系上",
                null, null, null, null, null, null));
        sweep(WarningRule.LOST_CONTACT, "2026-06-01");
        assertThat(open(b, WarningRule.LOST_CONTACT)).isEmpty();
        assertThat(closed(b, WarningRule.LOST_CONTACT)).singleElement()
                .satisfies(x -> assertThat(x.closedOn()).isEqualTo(LocalDate.of(2026, 6, 1)));
    }

    @Test
    void duesArrearsOpenAtThreeUnpaidMonthsAndCloseWhenPaid() {
        long b = branch(null);
        long m = member(b, MemberCategory.FULL);
        YearMonth now = YearMonth.now();
        for (int back = 2; back >= 1; back--) {
            dues.issue(ADMIN, now.minusMonths(back), b);
        }
        sweep(WarningRule.DUES_ARREARS, now.atDay(1).toString());
        assertThat(open(b, WarningRule.DUES_ARREARS)).isEmpty(); // two months
        dues.issue(ADMIN, now, b);
        sweep(WarningRule.DUES_ARREARS, now.atDay(1).toString());
        assertThat(open(b, WarningRule.DUES_ARREARS)).singleElement()
                .satisfies(x -> assertThat(x.level()).isEqualTo("REMINDER"))
                .satisfies(x -> assertThat(x.detail()).isEqualTo("3"));
        dues.payOffline(ADMIN, m, new DuesViews.OfflineForm(now, "CASH", "W" + m, UUID.randomUUID().toString()));
        sweep(WarningRule.DUES_ARREARS, now.atDay(1).toString());
        assertThat(open(b, WarningRule.DUES_ARREARS)).isEmpty();
        assertThat(closed(b, WarningRule.DUES_ARREARS)).hasSize(1);
    }

    @Test
    void branchBelowThreeFullMembersIsFlaggedUntilItHasThree() {
        long b = branch(null);
        member(b, MemberCategory.FULL);
        member(b, MemberCategory.PROBATIONARY); // 预备党员 do not count (R1.2)
        sweep(WarningRule.BRANCH_SIZE, LocalDate.now().toString());
        assertThat(open(b, WarningRule.BRANCH_SIZE)).singleElement()
                .satisfies(x -> assertThat(x.level()).isEqualTo("UNDER_MIN"));
        member(b, MemberCategory.FULL);
        member(b, MemberCategory.FULL);
        sweep(WarningRule.BRANCH_SIZE, LocalDate.now().toString());
        assertThat(open(b, WarningRule.BRANCH_SIZE)).isEmpty();
    }

    @Test
    void fullSweepTwiceOnTheSameDayChangesNothing() {
        LocalDate day = LocalDate.now();
        engine.sweep(day, "TEST", "test");
        SweepEngine.Result second = engine.sweep(day, "TEST", "test");
        assertThat(second.failedRules()).isEmpty();
        assertThat(second.opened()).isZero();
        assertThat(second.changed()).isZero();
        assertThat(second.closed()).isZero();
        assertThat(second.candidates()).isPositive();
    }

    @Test
    void theSecretaryIsNotifiedAndSeesTheWarningAsToDoTheTownshipOnlyItsSubtree() {
        Api secretary = as("secretary");
        long own = secretary.get("/api/v1/me").at("/orgId").asLong();
        long m = member(own, MemberCategory.FULL);
        lifecycle.record(ADMIN, m, new LifecycleChange(MemberEventType.LOST_CONTACT, LocalDate.now().minusMonths(7),
                "失联", null, null, null, null, null, null));
        int before = secretary.get("/api/v1/inbox/unread-count").at("/unread").asInt();
        engine.sweep(LocalDate.now(), EnumSet.of(WarningRule.LOST_CONTACT), "test");
        assertThat(secretary.get("/api/v1/inbox/unread-count").at("/unread").asInt()).isGreaterThan(before);
        String name = members.get(ADMIN, m).name();
        assertThat(secretary.get("/api/v1/inbox?unread=true").body()).contains(name);
        var todos = secretary.get("/api/v1/todos");
        assertThat(todos.status()).isEqualTo(200);
        assertThat(todos.body()).contains(name);

        // township staff: only warnings of its subtree, never the neighbouring township
        Api township = as("township");
        long townshipId = township();
        String townshipPath = as("admin").get("/api/v1/orgs/" + townshipId).at("/path").asText();
        for (var w : township.get("/api/v1/warnings?size=200").at("/items")) {
            String path = as("admin").get("/api/v1/orgs/" + w.get("orgId").asLong()).at("/path").asText();
            assertThat(path).startsWith(townshipPath);
        }
        var all = query.list(ADMIN, new WarningViews.Filter(null, null, null, null), 0, 200).items();
        for (var w : all) {
            String path = as("admin").get("/api/v1/orgs/" + w.orgId()).at("/path").asText();
            int status = township.get("/api/v1/warnings/" + w.id()).status();
            assertThat(status).isEqualTo(path.startsWith(townshipPath) ? 200 : 404);
            if (!path.startsWith(townshipPath)) {
                break;
            }
        }
    }

    @Test
    void acknowledgeAndPeriodInputsAreChecked() {
        Api admin = as("admin");
        assertThat(admin.get("/api/v1/warnings/period?from=2026-02-01&to=2026-01-01").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/warnings/period?from=2026-01-01&to=2026-12-31").status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/warnings?rule=nope").status()).isEqualTo(400);
        assertThat(admin.put("/api/v1/inbox/contact", "{\"email\":\"not-an-email\",\"mobile\":\"123\"}").status())
                .isEqualTo(400);
        assertThat(admin.get("/api/v1/inbox/contact").status()).isEqualTo(200);
        assertThat(as("member").get("/api/v1/warnings").status()).isEqualTo(403);
        assertThat(as("member").get("/api/v1/todos").status()).isEqualTo(200);
    }
}
