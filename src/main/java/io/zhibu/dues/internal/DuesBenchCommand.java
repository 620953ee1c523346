package io.zhibu.dues.internal;

import static io.zhibu.db.Tables.DUES_ACCOUNT;
import static io.zhibu.db.Tables.DUES_ENTRY;
import static io.zhibu.db.Tables.DUES_PAYMENT;

import io.zhibu.dues.DuesService;
import io.zhibu.dues.DuesViews;
import io.zhibu.dues.PaymentStatus;
import io.zhibu.member.MemberCategory;
import io.zhibu.member.MemberStanding;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.Role;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Dues benchmark (run against a throwaway database, then exits):
 * <ol>
 * <li>seeds {@code zhibu.bench.members} (default 220,000) synthetic dues accounts under a separate bench path,</li>
 * <li>issues one month for all of them (the one set-based INSERT…SELECT), then issues it again (no-op),</li>
 * <li>fires {@code zhibu.bench.payers}×2 concurrent online "pay" clicks (two per member, different keys) through the
 * sandbox gateway and {@code zhibu.bench.payers}×2 concurrent cash recordings, and checks that every member was
 * charged exactly once per kind and nothing was lost.</li>
 * </ol>
 * <pre>./mvnw -o spring-boot:run -Dspring-boot.run.arguments="--zhibu.bench.dues=true --zhibu.demo.enabled=false
 *   --server.port=0 --zhibu.data-dir=/tmp/zhibu-bench"</pre>
 */
@Component
@ConditionalOnBooleanProperty("zhibu.bench.dues")
@Order(30)
class DuesBenchCommand implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DuesBenchCommand.class);
    private static final long FIRST_ID = 2_000_000_000L;
    private static final String PATH = "99999999";

    private final DuesRepository repo;
    private final DSLContext db;
    private final DuesService dues;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ConfigurableApplicationContext context;
    private final int members;
    private final int payers;

    DuesBenchCommand(DuesRepository repo, DSLContext db, DuesService dues, TransactionTemplate tx, Clock clock,
                     ConfigurableApplicationContext context,
                     @Value("${zhibu.bench.members:220000}") int members,
                     @Value("${zhibu.bench.payers:500}") int payers) {
        this.repo = repo;
        this.db = db;
        this.dues = dues;
        this.tx = tx;
        this.clock = clock;
        this.context = context;
        this.members = members;
        this.payers = payers;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (db.fetchExists(DUES_ACCOUNT, DUES_ACCOUNT.ORG_PATH.eq(PATH))) {
            throw new IllegalStateException("bench data already present: use a fresh database");
        }
        long t0 = System.nanoTime();
        var n = DSL.generateSeries(1, members).as("g", "n");
        var num = n.field("n", Integer.class);
        tx.executeWithoutResult(s -> db.insertInto(DUES_ACCOUNT, DUES_ACCOUNT.MEMBER_ID, DUES_ACCOUNT.REGION_ORG_ID,
                        DUES_ACCOUNT.ORG_ID, DUES_ACCOUNT.ORG_PATH, DUES_ACCOUNT.MEMBER_CATEGORY, DUES_ACCOUNT.JOINED_ON,
                        DUES_ACCOUNT.STANDING, DUES_ACCOUNT.MONTHLY_AMOUNT, DUES_ACCOUNT.UPDATED_AT)
                .select(db.select(num.plus(FIRST_ID).cast(Long.class), DSL.val(99999999L), DSL.val(99999999L), DSL.val(PATH),
                        DSL.val(MemberCategory.FULL, DUES_ACCOUNT.MEMBER_CATEGORY), DSL.val(LocalDate.of(2000, 1, 1)),
                        DSL.val(MemberStanding.NORMAL, DUES_ACCOUNT.STANDING), DSL.val(new BigDecimal("0.20")),
                        DSL.val(OffsetDateTime.now(clock))).from(n))
                .execute());
        log.info("BENCH seed {} accounts: {} ms", members, ms(t0));

        DataScope admin = new DataScope(0, "bench", Role.ADMIN, null, "", null, null);
        YearMonth month = YearMonth.now(clock);
        long t1 = System.nanoTime();
        int issued = tx.execute(s -> repo.issue(month.atDay(1), PATH));
        log.info("BENCH issue {} for {} members: {} bills in {} ms", month, members, issued, ms(t1));
        long t2 = System.nanoTime();
        int again = tx.execute(s -> repo.issue(month.atDay(1), PATH));
        log.info("BENCH issue again: {} bills in {} ms", again, ms(t2));

        // 2 × payers concurrent online clicks (two per member, different keys: a double click on two devices)
        AtomicInteger conflicts = new AtomicInteger();
        List<Callable<Long>> clicks = new ArrayList<>();
        for (int i = 0; i < payers * 2; i++) {
            long member = FIRST_ID + 1 + (i % payers);
            DataScope self = new DataScope(0, "bench-member", Role.MEMBER, 99999999L, PATH, null, member);
            clicks.add(() -> {
                try {
                    return dues.payOnline(self, member, new DuesViews.PayForm(month, UUID.randomUUID().toString())).id();
                } catch (RuntimeException e) {
                    conflicts.incrementAndGet();
                    return null;
                }
            });
        }
        long t3 = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(64)) {
            for (Future<Long> f : pool.invokeAll(clicks)) {
                f.get();
            }
        }
        long accepted = ms(t3);
        long applied = 0;
        for (int i = 0; i < 600 && applied < payers; i++) {
            Thread.sleep(200);
            applied = db.fetchCount(DUES_PAYMENT, DUES_PAYMENT.ORG_PATH.eq(PATH).and(DUES_PAYMENT.STATUS.eq(PaymentStatus.SUCCEEDED)));
        }
        log.info("BENCH {} concurrent online clicks: accepted in {} ms, {} refused as duplicates, {} payments applied after "
                + "callbacks in {} ms; ledger {} entries, {} yuan; payments created {}", payers * 2, accepted,
                conflicts.get(), applied, ms(t3), db.fetchCount(DUES_ENTRY, DUES_ENTRY.ORG_PATH.eq(PATH)),
                db.select(DSL.sum(DUES_ENTRY.AMOUNT)).from(DUES_ENTRY).where(DUES_ENTRY.ORG_PATH.eq(PATH)).fetchOne(0),
                db.fetchCount(DUES_PAYMENT, DUES_PAYMENT.ORG_PATH.eq(PATH)));

        // 2 × payers concurrent cash recordings for other members (two treasurers, one member each, same moment)
        AtomicInteger cashConflicts = new AtomicInteger();
        List<Callable<Long>> cash = new ArrayList<>();
        for (int i = 0; i < payers * 2; i++) {
            long member = FIRST_ID + payers + 1 + (i % payers);
            cash.add(() -> {
                try {
                    return dues.payOffline(admin, member, new DuesViews.OfflineForm(month, "CASH", "B" + member,
                            UUID.randomUUID().toString())).id();
                } catch (RuntimeException e) {
                    cashConflicts.incrementAndGet();
                    return null;
                }
            });
        }
        long t4 = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(64)) {
            for (Future<Long> f : pool.invokeAll(cash)) {
                f.get();
            }
        }
        log.info("BENCH {} concurrent cash recordings: {} ms, {} refused; {} offline payments, ledger now {} entries",
                payers * 2, ms(t4), cashConflicts.get(),
                db.fetchCount(DUES_PAYMENT, DUES_PAYMENT.ORG_PATH.eq(PATH).and(DUES_PAYMENT.GATEWAY.eq("OFFLINE"))),
                db.fetchCount(DUES_ENTRY, DUES_ENTRY.ORG_PATH.eq(PATH)));
        int exit = org.springframework.boot.SpringApplication.exit(context, () -> 0);
        System.exit(exit);
    }

    private static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
