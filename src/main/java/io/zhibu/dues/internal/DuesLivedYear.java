package io.zhibu.dues.internal;

import static io.zhibu.db.Tables.DUES_ACCOUNT;
import static io.zhibu.db.Tables.DUES_BILL;
import static io.zhibu.db.Tables.DUES_ENTRY;
import static io.zhibu.db.Tables.DUES_PAYMENT;

import io.zhibu.dues.DuesCalculator;
import io.zhibu.dues.DuesCategory;
import io.zhibu.dues.DuesQuote;
import io.zhibu.dues.EntryKind;
import io.zhibu.dues.PaymentStatus;
import io.zhibu.org.OrgNode;
import io.zhibu.org.OrgService;
import io.zhibu.shared.db.OrgPathSql;
import io.zhibu.shared.demo.LivedYear;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A lived year of dues (rules.md §5) for the demo county or a generated city, set-based in the dues module's own
 * tables: every member's category and base with the calculator's amount (R5.1–R5.3), the monthly bills of the year
 * and of this month (the monthly issue, R5.4), and payments month by month: most members paid up to last month (about a
 * third also this month already), branches that lag have more members behind — one or two months (no warning yet) and
 * a few three months and more (the arrears rules, R5.6). One cash payment per member and month with its ledger entry
 * (so the reconciliation balances), a few reliefs (R5.5) and the branches' remittances (上缴).
 */
@Component
class DuesLivedYear implements LivedYear {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DuesLivedYear.class);
    private static final int CHUNK = 1_000;
    private final DuesRepository repo;
    private final DSLContext db;
    private final DuesCalculator calculator;
    private final DuesDemoData demo;
    private final OrgService orgs;
    private final TransactionTemplate tx;

    DuesLivedYear(DuesRepository repo, DSLContext db, DuesCalculator calculator, DuesDemoData demo, OrgService orgs,
                  TransactionTemplate tx) {
        this.repo = repo;
        this.db = db;
        this.calculator = calculator;
        this.demo = demo;
        this.orgs = orgs;
        this.tx = tx;
    }

    @Override
    public String name() {
        return "dues";
    }

    @Override
    public int order() {
        return 20;
    }

    /** {@inheritDoc} Dues read the roster and write only dues tables: they run beside the meetings. */
    @Override
    public java.util.Set<String> runsAfter() {
        return java.util.Set.of();
    }

    @Override
    public long generate(Region region) {
        String root = region.rootPath();
        YearMonth current = YearMonth.from(region.today());
        YearMonth first = YearMonth.from(region.firstDay());
        long[] rows = {0};
        long t0 = System.nanoTime();
        tx.executeWithoutResult(s -> {
            for (int k = 0; k < DuesDemoData.PROFILES.length; k++) {
                DuesCategory c = (DuesCategory) DuesDemoData.PROFILES[k][0];
                BigDecimal base = DuesDemoData.PROFILES[k][1] == null ? null : new BigDecimal((String) DuesDemoData.PROFILES[k][1]);
                DuesQuote q = calculator.quote(c, base);
                db.update(DUES_ACCOUNT).set(DUES_ACCOUNT.DUES_CATEGORY, c).set(DUES_ACCOUNT.MONTHLY_BASE, base)
                        .set(DUES_ACCOUNT.MONTHLY_AMOUNT, q.amount()).set(DUES_ACCOUNT.BASE_YEAR, current.getYear())
                        .where(DUES_ACCOUNT.MEMBER_ID.mod(DuesDemoData.PROFILES.length).eq((long) k))
                        .and(OrgPathSql.subtree(DUES_ACCOUNT.ORG_PATH, root)).execute();
            }
            demo.demoReliefs(current, root);
            // the months before any relief starts: every month's issue in one statement (no bills exist yet);
            // the last three months through the monthly issue itself (reliefs, R5.5)
            YearMonth reliefsFrom = current.minusMonths(2);
            rows[0] += earlyBills(root, first, reliefsFrom.minusMonths(1));
            for (YearMonth m = first.isAfter(reliefsFrom) ? first : reliefsFrom; !m.isAfter(current); m = m.plusMonths(1)) {
                rows[0] += repo.issue(m.atDay(1), root);
            }
        });
        log.info("lived-year dues: bases and bills in {} ms", (System.nanoTime() - t0) / 1_000_000);
        // who has paid up to which month: by the branch's diligence, the same for every module
        List<OrgNode> branches = orgs.activeNodes().stream()
                .filter(n -> n.type().holdsMembers() && region.covers(n.path())).toList();
        Map<Long, Double> diligence = region.diligence(branches.stream().map(OrgNode::id).toList());
        Map<LocalDate, List<Long>> byPaidUpTo = new TreeMap<>();
        for (var r : db.select(DUES_ACCOUNT.MEMBER_ID, DUES_ACCOUNT.ORG_ID).from(DUES_ACCOUNT)
                .where(OrgPathSql.subtree(DUES_ACCOUNT.ORG_PATH, root)).orderBy(DUES_ACCOUNT.MEMBER_ID).fetch()) {
            SplittableRandom rnd = region.random("dues", r.value1());
            double d = diligence.getOrDefault(r.value2(), 0.95);
            double late = Region.model(d) ? 0 : 0.02 + (1 - d) * 0.5;
            YearMonth paidTo;
            if (rnd.nextDouble() >= late) {
                // a model branch collects the month's dues at the start of the month
                paidTo = Region.model(d) || rnd.nextDouble() < 0.35 ? current : current.minusMonths(1);
            } else {
                double v = rnd.nextDouble();
                paidTo = current.minusMonths(v < 0.55 ? 2 : v < 0.8 ? 3 : v < 0.95 ? 4 + rnd.nextInt(2) : 7 + rnd.nextInt(2));
            }
            byPaidUpTo.computeIfAbsent(paidTo.atDay(1), k -> new ArrayList<>()).add(r.value1());
        }
        LocalDate today = region.today();
        // paid-up-to per member: one JDBC batch of primary-key updates, then the payments in one statement
        tx.executeWithoutResult(s -> db.connection(conn -> {
            try (var ps = conn.prepareStatement("update dues_account set paid_up_to = ? where member_id = ?")) {
                int n = 0;
                for (var e : byPaidUpTo.entrySet()) {
                    for (long id : e.getValue()) {
                        ps.setObject(1, e.getKey());
                        ps.setLong(2, id);
                        ps.addBatch();
                        if (++n % CHUNK == 0) {
                            ps.executeBatch();
                        }
                    }
                }
                ps.executeBatch();
            }
        }));
        log.info("lived-year dues: paid-up-to in {} ms", (System.nanoTime() - t0) / 1_000_000);
        rows[0] += tx.execute(s -> pay(root, first.atDay(1), today));
        log.info("lived-year dues: payments in {} ms", (System.nanoTime() - t0) / 1_000_000);
        rows[0] += tx.execute(s -> entries(root));
        log.info("lived-year dues: entries in {} ms", (System.nanoTime() - t0) / 1_000_000);
        tx.executeWithoutResult(s -> demo.demoRemittances(current, root));
        return rows[0];
    }

    /** The bills of the months [from, to] for every liable member who had joined by the month's end, in one insert. */
    private long earlyBills(String root, YearMonth from, YearMonth to) {
        if (from.isAfter(to)) {
            return 0;
        }
        var a = DUES_ACCOUNT;
        List<org.jooq.Row2<LocalDate, LocalDate>> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(DSL.row(m.atDay(1), m.plusMonths(1).atDay(1)));
        }
        @SuppressWarnings("unchecked")
        var series = DSL.values(months.toArray(org.jooq.Row2[]::new)).as("m", "period", "next_period");
        Field<LocalDate> period = series.field("period", LocalDate.class);
        Field<LocalDate> next = series.field("next_period", LocalDate.class);
        return db.insertInto(DUES_BILL, DUES_BILL.REGION_ORG_ID, DUES_BILL.ORG_ID, DUES_BILL.ORG_PATH, DUES_BILL.MEMBER_ID,
                        DUES_BILL.PERIOD, DUES_BILL.AMOUNT_DUE, DUES_BILL.DUES_CATEGORY, DUES_BILL.CREATED_AT)
                .select(db.select(a.REGION_ORG_ID, a.ORG_ID, a.ORG_PATH, a.MEMBER_ID, period, a.MONTHLY_AMOUNT,
                                a.DUES_CATEGORY, period.cast(SQLDataType.TIMESTAMPWITHTIMEZONE))
                        .from(a).crossJoin(series)
                        .where(OrgPathSql.subtree(a.ORG_PATH, root)).and(a.STANDING.eq(DuesRepository.LIABLE_STANDING))
                        .and(a.JOINED_ON.lt(next)))
                .execute();
    }

    /** The ledger entry of every lived-year payment (one per payment and month): one set-based insert. */
    private long entries(String root) {
        var p = DUES_PAYMENT;
        return db.insertInto(DUES_ENTRY, DUES_ENTRY.REGION_ORG_ID, DUES_ENTRY.ORG_PATH, DUES_ENTRY.MEMBER_ID,
                        DUES_ENTRY.PERIOD, DUES_ENTRY.KIND, DUES_ENTRY.AMOUNT, DUES_ENTRY.PAYMENT_ID, DUES_ENTRY.METHOD,
                        DUES_ENTRY.RECEIPT_NO, DUES_ENTRY.CREATED_BY, DUES_ENTRY.CREATED_AT)
                .select(db.select(p.REGION_ORG_ID, p.ORG_PATH, p.MEMBER_ID, p.PERIOD_FROM, DSL.inline(EntryKind.PAYMENT, DUES_ENTRY.KIND), p.AMOUNT,
                                p.ID, DSL.inline("CASH"), DSL.inline("DEMO"), DSL.inline("demo-year"), p.COMPLETED_AT)
                        .from(p).where(p.CREATED_BY.eq("demo-year")).and(OrgPathSql.subtree(p.ORG_PATH, root)))
                .execute();
    }

    /** Each member paid every bill from {@code from} up to the account's paid-up-to month, each in its month. */
    private long pay(String root, LocalDate from, LocalDate today) {
        var b = DUES_BILL;
        var a = DUES_ACCOUNT;
        var p = DUES_PAYMENT;
        Field<String> key = DSL.concat(DSL.val("demo-year-"), b.PERIOD.cast(String.class));
        // paid around the branch's 主题党日 of the month (the 1st to the 18th), never after today
        Field<LocalDate> paidOn = DSL.least(DSL.localDateAdd(b.PERIOD, b.MEMBER_ID.mod(18L).cast(Integer.class), DatePart.DAY),
                DSL.val(today));
        Field<OffsetDateTime> paidAt = paidOn.cast(SQLDataType.TIMESTAMPWITHTIMEZONE);
        return db.insertInto(p, p.REGION_ORG_ID, p.ORG_PATH, p.MEMBER_ID, p.IDEMPOTENCY_KEY, p.GATEWAY, p.METHOD, p.STATUS,
                        p.AMOUNT, p.PERIOD_FROM, p.PERIOD_TO, p.RECEIPT_NO, p.CREATED_BY, p.CREATED_AT, p.COMPLETED_AT,
                        p.VOLUNTARY, p.REMIT_IN_FULL, p.VERSION)
                .select(db.select(b.REGION_ORG_ID, b.ORG_PATH, b.MEMBER_ID, key, DSL.inline("OFFLINE"),
                                DSL.inline("CASH"), DSL.inline(PaymentStatus.SUCCEEDED, p.STATUS), b.AMOUNT_DUE, b.PERIOD, b.PERIOD,
                                DSL.inline("DEMO"), DSL.inline("demo-year"), paidAt, paidAt, DSL.inline(BigDecimal.ZERO),
                                DSL.inline(false), DSL.inline(0))
                        // accounts of the region first, each member's bills through the (member_id, period) index
                        .from(a).join(b).on(b.MEMBER_ID.eq(a.MEMBER_ID).and(io.zhibu.shared.db.Citus.sameRegion(b.REGION_ORG_ID, a.REGION_ORG_ID))).and(b.PERIOD.ge(from)).and(b.PERIOD.le(a.PAID_UP_TO))
                        .where(OrgPathSql.subtree(a.ORG_PATH, root)))
                .execute();
    }
}
