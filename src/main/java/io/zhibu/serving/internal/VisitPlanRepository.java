package io.zhibu.serving.internal;

import static io.zhibu.db.Tables.SERVING_VISIT;
import static io.zhibu.db.Tables.SERVING_VISIT_PLAN;

import io.zhibu.db.tables.records.ServingVisitPlanRecord;
import io.zhibu.serving.VisitKind;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** 走访慰问 yearly visit plans; a line is done when a visit of its member and kind falls in its year. */
@Repository
public class VisitPlanRepository {
    private final DSLContext db;

    public VisitPlanRepository(DSLContext db) {
        this.db = db;
    }

    public ServingVisitPlanRecord newLine() {
        return db.newRecord(SERVING_VISIT_PLAN);
    }

    /** Inserts the line unless the member already has one of the kind in the year; true when inserted. */
    public boolean insert(ServingVisitPlanRecord r) {
        return db.insertInto(SERVING_VISIT_PLAN).set(r)
                .onConflict(SERVING_VISIT_PLAN.PLAN_YEAR, SERVING_VISIT_PLAN.MEMBER_ID, SERVING_VISIT_PLAN.KIND).doNothing()
                .execute() == 1;
    }

    public Optional<ServingVisitPlanRecord> find(long id) {
        return db.selectFrom(SERVING_VISIT_PLAN).where(SERVING_VISIT_PLAN.ID.eq(id)).fetchOptional();
    }

    public Optional<ServingVisitPlanRecord> line(int year, long memberId, VisitKind kind) {
        return db.selectFrom(SERVING_VISIT_PLAN).where(SERVING_VISIT_PLAN.PLAN_YEAR.eq(year))
                .and(SERVING_VISIT_PLAN.MEMBER_ID.eq(memberId)).and(SERVING_VISIT_PLAN.KIND.eq(kind)).fetchOptional();
    }

    public List<ServingVisitPlanRecord> page(String root, int year, int offset, int limit) {
        return db.selectFrom(SERVING_VISIT_PLAN).where(ServingRepository.under(SERVING_VISIT_PLAN.ORG_PATH, root))
                .and(SERVING_VISIT_PLAN.PLAN_YEAR.eq(year))
                .orderBy(SERVING_VISIT_PLAN.PLANNED_MONTH, SERVING_VISIT_PLAN.MEMBER_NAME, SERVING_VISIT_PLAN.ID)
                .offset(offset).limit(limit).fetch();
    }

    public long count(String root, int year) {
        return db.fetchCount(SERVING_VISIT_PLAN, ServingRepository.under(SERVING_VISIT_PLAN.ORG_PATH, root)
                .and(SERVING_VISIT_PLAN.PLAN_YEAR.eq(year)));
    }

    /** Lines of a branch planned up to {@code month} of {@code year} without a visit of their kind in the year. */
    public List<ServingVisitPlanRecord> openUntil(long orgId, int year, int month, int limit) {
        return db.selectFrom(SERVING_VISIT_PLAN).where(SERVING_VISIT_PLAN.ORG_ID.eq(orgId))
                .and(SERVING_VISIT_PLAN.PLAN_YEAR.eq(year)).and(SERVING_VISIT_PLAN.PLANNED_MONTH.le(month))
                .andNotExists(db.selectOne().from(SERVING_VISIT).where(SERVING_VISIT.MEMBER_ID.eq(SERVING_VISIT_PLAN.MEMBER_ID))
                        .and(SERVING_VISIT.KIND.eq(SERVING_VISIT_PLAN.KIND))
                        .and(SERVING_VISIT.VISITED_ON.between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))))
                .orderBy(SERVING_VISIT_PLAN.PLANNED_MONTH).limit(limit).fetch();
    }

    /** For these members, the latest visit date of each kind in the year ("memberId:kind" → date). */
    public Map<String, LocalDate> visitedIn(Collection<Long> memberIds, int year) {
        Map<String, LocalDate> out = new HashMap<>();
        if (memberIds.isEmpty()) {
            return out;
        }
        db.select(SERVING_VISIT.MEMBER_ID, SERVING_VISIT.KIND, DSL.max(SERVING_VISIT.VISITED_ON)).from(SERVING_VISIT)
                .where(SERVING_VISIT.MEMBER_ID.in(memberIds))
                .and(SERVING_VISIT.VISITED_ON.between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)))
                .groupBy(SERVING_VISIT.MEMBER_ID, SERVING_VISIT.KIND)
                .forEach(r -> out.put(r.value1() + ":" + r.value2().name(), r.value3()));
        return out;
    }
}
