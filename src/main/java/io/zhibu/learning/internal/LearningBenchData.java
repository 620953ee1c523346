package io.zhibu.learning.internal;

import static io.zhibu.db.Tables.LEARNING_COMPLETION;
import static io.zhibu.db.Tables.LEARNING_HOURS;
import static io.zhibu.db.Tables.LEARNING_MATERIAL;
import static io.zhibu.db.Tables.LEARNING_MEMBER;

import io.zhibu.learning.LearningRecords;
import io.zhibu.shared.OrgPath;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.Field;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Study records for the points benchmark (issue 9: "city dataset with 10 study records per member"): after the city
 * is loaded ({@code CityDataCommand}, order 20) and before {@code PointsBenchCommand} (order 40), publishes
 * {@code zhibu.bench.study-per-member} (default 10) articles at the top org and books one completion per member and
 * article — with its 学时 line (R7.3) — in two set-based INSERT…SELECT statements, as {@code MaterialService} would
 * one by one. Minutes (10–59) and dates (1 January … today) are spread by member and article. Runs once per database
 * (the bench articles are marked {@code created_by = 'bench'}).
 */
@Component
@ConditionalOnBooleanProperty("zhibu.bench.points")
@Order(35)
class LearningBenchData implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(LearningBenchData.class);
    private final DSLContext db;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int perMember;

    LearningBenchData(DSLContext db, TransactionTemplate tx, Clock clock,
                      @Value("${zhibu.bench.study-per-member:10}") int perMember) {
        this.db = db;
        this.tx = tx;
        this.clock = clock;
        this.perMember = perMember;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (perMember <= 0 || db.fetchExists(LEARNING_MATERIAL, LEARNING_MATERIAL.CREATED_BY.eq("bench"))) {
            return;
        }
        var top = db.select(LEARNING_MEMBER.REGION_ORG_ID, LEARNING_MEMBER.ORG_PATH).from(LEARNING_MEMBER)
                .orderBy(LEARNING_MEMBER.MEMBER_ID).limit(1).fetchOne();
        if (top == null) {
            log.warn("BENCH no members to study: load the city first");
            return;
        }
        String rootPath = top.value2().substring(0, OrgPath.SEGMENT);
        long t0 = System.nanoTime();
        int[] rows = tx.execute(s -> book(top.value1(), rootPath));
        log.info("BENCH study records: {} articles, {} completions and {} 学时 lines ({} per member) in {} ms",
                perMember, rows[0], rows[1], perMember, (System.nanoTime() - t0) / 1_000_000);
        if (io.zhibu.shared.db.BulkInsert.postgres(db)) {
            db.execute("analyze learning_completion");
            db.execute("analyze learning_hours");
        }
    }

    private int[] book(long regionOrgId, String rootPath) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = LocalDate.now(clock);
        for (int i = 1; i <= perMember; i++) {
            var m = db.newRecord(LEARNING_MATERIAL);
            m.setRegionOrgId(regionOrgId);
            m.setOrgId(OrgPath.idAt(rootPath, 1));
            m.setOrgPath(rootPath);
            m.setKind(LearningRecords.MaterialKind.ARTICLE);
            m.setTitle("基准测试学习资料 " + i);
            m.setTopic("基准测试");
            m.setAudience(LearningRecords.Audience.ALL);
            m.setMinutes(60);
            m.setBodyHtml("<p>基准测试</p>");
            m.setCreatedBy("bench");
            m.setCreatedAt(now);
            m.store();
        }
        List<Long> ids = db.select(LEARNING_MATERIAL.ID).from(LEARNING_MATERIAL).where(LEARNING_MATERIAL.CREATED_BY.eq("bench"))
                .fetch(LEARNING_MATERIAL.ID);
        var mem = LEARNING_MEMBER;
        var mat = LEARNING_MATERIAL;
        Field<Long> k = mem.MEMBER_ID.plus(mat.ID.mul(7L));
        Field<Integer> minutes = k.mod(50L).plus(10L).cast(Integer.class);
        Field<LocalDate> date = DSL.val(LocalDate.of(today.getYear(), 1, 1)).plus(k.mod((long) today.getDayOfYear()).cast(Integer.class));
        var c = LEARNING_COMPLETION;
        int completions = db.insertInto(c, c.REGION_ORG_ID, c.ORG_PATH, c.MEMBER_ID, c.MATERIAL_ID, c.STUDY_DATE,
                        c.DWELL_SECONDS, c.MINUTES, c.CREATED_AT)
                .select(db.select(mem.REGION_ORG_ID, mem.ORG_PATH, mem.MEMBER_ID, mat.ID, date, minutes.mul(60), minutes,
                        DSL.val(now)).from(mem).crossJoin(mat).where(mat.ID.in(ids)))
                .execute();
        var h = LEARNING_HOURS;
        var cc = LEARNING_COMPLETION;
        int hours = db.insertInto(h, h.REGION_ORG_ID, h.ORG_PATH, h.MEMBER_ID, h.STUDY_YEAR, h.SOURCE, h.SOURCE_REF, h.HOURS,
                        h.ON_DATE, h.TITLE, h.CREATED_BY, h.CREATED_AT)
                .select(db.select(cc.REGION_ORG_ID, cc.ORG_PATH, cc.MEMBER_ID, DSL.val(today.getYear()),
                        DSL.inline(LearningRecords.HoursSource.ONLINE, h.SOURCE),
                        DSL.concat(DSL.inline("M"), cc.MATERIAL_ID.cast(String.class)),
                        // R7.3 as StudyRules.hoursOfMinutes: minutes / 60, two decimals
                        DSL.round(cc.MINUTES.cast(BigDecimal.class).div(DSL.inline(BigDecimal.valueOf(60))), 2),
                        cc.STUDY_DATE, DSL.inline("基准测试学习资料"), DSL.inline("bench"), DSL.val(now))
                        .from(cc).where(cc.MATERIAL_ID.in(ids)))
                .execute();
        return new int[] {completions, hours};
    }
}
