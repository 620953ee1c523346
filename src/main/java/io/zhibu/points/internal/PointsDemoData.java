package io.zhibu.points.internal;

import static io.zhibu.db.Tables.POINTS_ACTIVITY;
import static io.zhibu.db.Tables.POINTS_ENTRY;
import static io.zhibu.db.Tables.POINTS_MEMBER;

import io.zhibu.db.tables.records.PointsEntryRecord;
import io.zhibu.db.tables.records.PointsMemberRecord;
import io.zhibu.points.PointItem;
import io.zhibu.points.PointsService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo points after the demo county is loaded (once): a few months of attendance, dues, volunteering, honours and
 * deductions per member (booked as ledger lines with "demo:" fact keys, then the rollups rebuilt from the ledger),
 * and a few branch activities, so the points, ranking and feed pages show something.
 */
@Component
@Order(30)
class PointsDemoData implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(PointsDemoData.class);
    private final PointsRepository repo;
    private final DSLContext db;
    private final PointsService points;
    private final io.zhibu.org.OrgService orgs;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean enabled;

    PointsDemoData(PointsRepository repo, DSLContext db, PointsService points, io.zhibu.org.OrgService orgs, TransactionTemplate tx, Clock clock,
                   @Value("${zhibu.demo.enabled:false}") boolean enabled) {
        this.repo = repo;
        this.db = db;
        this.points = points;
        this.orgs = orgs;
        this.tx = tx;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        // once: the lived year (PointsLivedYear) may have posted the recorded attendance and the activities before
        if (!enabled || db.fetchCount(POINTS_MEMBER) == 0 || db.fetchExists(POINTS_ENTRY, POINTS_ENTRY.CREATED_BY.eq("demo"))) {
            return;
        }
        boolean lived = db.fetchExists(POINTS_ENTRY, POINTS_ENTRY.ITEM.eq(PointItem.MEETING_ATTENDED));
        boolean hasActivities = db.fetchExists(POINTS_ACTIVITY);
        long start = System.nanoTime();
        LocalDate today = LocalDate.now(clock);
        int year = today.getYear();
        tx.executeWithoutResult(s -> {
            // the year's rows exist for every member (one INSERT … SELECT); the lines' totals are added to them and to
            // the org rows once per member and org below — not a rebuild of the year from the ledger with a
            // before/after snapshot of every rollup row (most of this step's time at first start)
            repo.openYearForAll(year);
            Map<Long, PointsRepository.Delta> perMember = new HashMap<>();
            Map<String, PointsRepository.Delta> perOrg = new HashMap<>();
            List<PointsEntryRecord> batch = new ArrayList<>();
            for (PointsMemberRecord m : db.selectFrom(POINTS_MEMBER).orderBy(POINTS_MEMBER.MEMBER_ID).fetch()) {
                long id = m.getMemberId();
                int meetings = lived ? 0 : (int) (id % 6);
                for (int k = 0; k < meetings; k++) {
                    batch.add(line(m, PointItem.MEETING_ATTENDED, 2, day(today, k * 17 + (int) (id % 11)), "demo:meeting:" + k + ":" + id));
                }
                for (int k = 1; k < today.getMonthValue(); k++) {
                    boolean late = id % 7 == 0;
                    batch.add(line(m, late ? PointItem.DUES_LATE : PointItem.DUES_ON_TIME, late ? -2 : 1,
                            LocalDate.of(year, k, late ? 28 : 10).withDayOfMonth(late ? 28 : 10), "demo:dues:" + k + ":" + id));
                }
                if (id % 5 == 0) {
                    batch.add(line(m, PointItem.VOLUNTEERING, 3, day(today, 40), "demo:volunteer:" + id));
                }
                if (!lived && id % 9 == 0) {
                    batch.add(line(m, PointItem.MEETING_ABSENT, -3, day(today, 25), "demo:absent:" + id));
                }
                if (id % 37 == 0) {
                    batch.add(line(m, PointItem.HONOUR, 8, day(today, 60), "demo:honour:" + id));
                }
                if (batch.size() >= 5000) {
                    total(batch, perMember, perOrg);
                    repo.insertEntries(batch);
                    batch.clear();
                }
            }
            total(batch, perMember, perOrg);
            repo.insertEntries(batch);
            repo.applyDeltas(year, perMember, perOrg);
        });
        if (hasActivities) {
            log.info("Demo points: ledger and rollups of {} in {} ms", year, (System.nanoTime() - start) / 1_000_000);
            return;
        }
        tx.executeWithoutResult(s -> {
            var branches = db.selectDistinct(POINTS_MEMBER.ORG_ID, POINTS_MEMBER.ORG_PATH, POINTS_MEMBER.REGION_ORG_ID)
                    .from(POINTS_MEMBER).orderBy(POINTS_MEMBER.ORG_ID).limit(30).fetch();
            String[][] texts = {{"主题党日：重温入党誓词", "全体党员在党群服务中心重温入党誓词，并开展志愿清扫活动。"},
                    {"志愿服务进社区", "支部党员走进社区，为老人义诊、理发，发放政策宣传资料。"}};
            var names = orgs.namesOf(branches.map(b -> b.value1()));
            for (var b : branches) {
                for (int k = 0; k < texts.length; k++) {
                    db.insertInto(POINTS_ACTIVITY).set(POINTS_ACTIVITY.REGION_ORG_ID, b.value3())
                            .set(POINTS_ACTIVITY.ORG_ID, b.value1()).set(POINTS_ACTIVITY.ORG_PATH, b.value2())
                            .set(POINTS_ACTIVITY.ORG_NAME, names.getOrDefault(b.value1(), "")).set(POINTS_ACTIVITY.TITLE, texts[k][0])
                            .set(POINTS_ACTIVITY.BODY, texts[k][1])
                            .set(POINTS_ACTIVITY.PUBLIC_TITLE, texts[k][0]).set(POINTS_ACTIVITY.PUBLIC_BODY, texts[k][1]).set(POINTS_ACTIVITY.CREATED_BY, "demo")
                            .set(POINTS_ACTIVITY.CREATED_AT, OffsetDateTime.now(clock).minusDays(7L * (k + 1))).execute();
                }
            }
        });
        log.info("Demo points: ledger and rollups of {} in {} ms", year, (System.nanoTime() - start) / 1_000_000);
    }

    private static void total(List<PointsEntryRecord> lines, Map<Long, PointsRepository.Delta> perMember,
                              Map<String, PointsRepository.Delta> perOrg) {
        for (PointsEntryRecord e : lines) {
            perMember.computeIfAbsent(e.getMemberId(), k -> new PointsRepository.Delta()).add(e.getPoints(), 0, BigDecimal.ZERO);
            perOrg.computeIfAbsent(e.getOrgPath(), k -> new PointsRepository.Delta()).add(e.getPoints(), 0, BigDecimal.ZERO);
        }
    }

    private static LocalDate day(LocalDate today, int daysBack) {
        LocalDate d = today.minusDays(daysBack);
        return d.getYear() == today.getYear() ? d : today.withDayOfYear(1);
    }

    private PointsEntryRecord line(PointsMemberRecord m, PointItem item, int points, LocalDate date, String key) {
        PointsEntryRecord e = new PointsEntryRecord();
        e.setRegionOrgId(m.getRegionOrgId());
        e.setMemberId(m.getMemberId());
        e.setOrgPath(m.getOrgPath());
        e.setPointsYear(date.getYear());
        e.setFactDate(date);
        e.setItem(item);
        e.setFactKey(key);
        e.setFactSeq(0);
        e.setRequested(points);
        e.setPoints(points);
        e.setStudyMinutes(0);
        e.setQuizScore(java.math.BigDecimal.ZERO);
        e.setLinkType("demo");
        e.setCreatedBy("demo");
        e.setCreatedAt(OffsetDateTime.now(clock));
        return e;
    }
}
