package io.zhibu.development.internal;

import static io.zhibu.db.Tables.DEV_PERSON;
import static io.zhibu.db.Tables.DEV_STEP;

import io.zhibu.development.DevState;
import io.zhibu.org.OrgNode;
import io.zhibu.org.OrgService;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.bench.BenchHistory;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jooq.DSLContext;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.impl.DSL;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Benchmark history of member development: 0–6 people per branch in the pipeline, spread over the four stages, each
 * with the steps of their stage done.
 */
@Component
@ConditionalOnBooleanProperty("zhibu.bench.supervision")
class DevBenchHistory implements BenchHistory {
    private static final DevState[] STATES = {DevState.APPLICANT, DevState.ACTIVIST, DevState.TARGET, DevState.PROBATIONARY};
    private final DSLContext db;
    private final OrgService orgs;

    DevBenchHistory(DSLContext db, OrgService orgs) {
        this.db = db;
        this.orgs = orgs;
    }

    @Override
    public String name() {
        return "development";
    }

    @Override
    public long generate(YearMonth from, YearMonth to, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        OffsetDateTime now = OffsetDateTime.now();
        long rows = 0;
        List<Query> batch = new ArrayList<>();
        var p = DEV_PERSON;
        for (OrgNode b : orgs.activeNodes()) {
            if (!b.type().holdsMembers()) {
                continue;
            }
            int n = random.nextInt(7);
            for (int i = 0; i < n; i++) {
                DevState s = STATES[random.nextInt(STATES.length)];
                LocalDate applied = from.atDay(1).plusDays(random.nextInt(900));
                String key = "bench-" + seed + "-" + b.id() + "-" + i;
                batch.add(db.insertInto(p, p.REGION_ORG_ID, p.ORG_ID, p.ORG_PATH, p.NAME, p.GENDER, p.ETHNICITY,
                                p.BIRTH_DATE, p.ID_NUMBER_ENC, p.ID_NUMBER_BIDX, p.ID_NUMBER_MASKED, p.APPLIED_ON, p.STATE,
                                p.IN_PIPELINE, p.PIPELINE_KEY, p.LAST_STEP, p.LAST_STEP_ON, p.CREATED_AT, p.UPDATED_AT)
                        .values(OrgPath.idAt(b.path(), 1), b.id(), b.path(), "发展对象" + i, random.nextBoolean() ? "1" : "2",
                                "01", LocalDate.of(1995, 1, 1).plusDays(random.nextInt(3000)), "bench", key,
                                "410000********000X", applied, s, true, key, 1, applied, now, now));
                rows++;
                if (batch.size() >= 2000) {
                    db.batch(batch).execute();
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            db.batch(batch).execute();
        }
        return rows + steps(seed, to.atEndOfMonth(), now);
    }

    /**
     * The steps each generated person has done for their stage, consecutively from step 1, 15 days apart (not past
     * {@code last}): 1–2 for an applicant (the talk may be missing), 1–3 for an activist, 1–14 for a development
     * target (branch meeting next) and 1–20 for a probationary member (reviews and probation end next), so the
     * deadline rule (R2.12) has real timelines to evaluate. One set-based insert.
     */
    private long steps(long seed, LocalDate last, OffsetDateTime now) {
        var p = DEV_PERSON;
        var series = DSL.values(java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(DSL::row)
                .toArray(org.jooq.Row1[]::new)).as("s", "n");
        Field<Integer> n = series.field("n", Integer.class);
        Field<Integer> upTo = DSL.when(p.STATE.eq(DevState.APPLICANT), DSL.inline(1).plus(p.ID.mod(2).cast(Integer.class)))
                .when(p.STATE.eq(DevState.ACTIVIST), DSL.inline(3))
                .when(p.STATE.eq(DevState.TARGET), DSL.inline(14))
                .otherwise(DSL.inline(20));
        Field<LocalDate> doneOn = DSL.least(DSL.localDateAdd(p.APPLIED_ON, n.times(15), DatePart.DAY), DSL.inline(last));
        var mine = p.PIPELINE_KEY.like("bench-" + seed + "-%");
        long rows = db.insertInto(DEV_STEP, DEV_STEP.PERSON_ID, DEV_STEP.REGION_ORG_ID, DEV_STEP.ORG_PATH, DEV_STEP.STEP_NO,
                        DEV_STEP.ROUND, DEV_STEP.DONE_ON, DEV_STEP.CREATED_BY, DEV_STEP.CREATED_AT)
                .select(DSL.select(p.ID, p.REGION_ORG_ID, p.ORG_PATH, n, DSL.inline(1), doneOn, DSL.inline("bench"),
                        DSL.inline(now)).from(p).crossJoin(series).where(mine).and(n.le(upTo)))
                .execute();
        db.update(p).set(p.LAST_STEP, upTo)
                .set(p.LAST_STEP_ON, DSL.least(DSL.localDateAdd(p.APPLIED_ON, upTo.times(15), DatePart.DAY), DSL.inline(last)))
                .where(mine).execute();
        return rows;
    }
}
