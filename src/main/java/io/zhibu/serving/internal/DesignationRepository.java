package io.zhibu.serving.internal;

import static io.zhibu.db.Tables.SERVING_DESIGNATION;
import static io.zhibu.db.Tables.SERVING_DESIGNATION_REVIEW;

import io.zhibu.db.tables.records.ServingDesignationRecord;
import io.zhibu.db.tables.records.ServingDesignationReviewRecord;
import io.zhibu.serving.DesignationStatus;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** 先锋岗 / 责任区 / 共产党员户 / 三亮两带 designations and their yearly reviews (jOOQ lives here only). */
@Repository
public class DesignationRepository {
    private final DSLContext db;

    public DesignationRepository(DSLContext db) {
        this.db = db;
    }

    public ServingDesignationRecord newDesignation() {
        return db.newRecord(SERVING_DESIGNATION);
    }

    public Optional<ServingDesignationRecord> find(long id) {
        return db.selectFrom(SERVING_DESIGNATION).where(SERVING_DESIGNATION.ID.eq(id)).fetchOptional();
    }

    public Optional<ServingDesignationRecord> byToken(String token) {
        return db.selectFrom(SERVING_DESIGNATION).where(SERVING_DESIGNATION.PUBLIC_TOKEN.eq(token)).fetchOptional();
    }

    /** One page of the designations of a subtree, in force first, newest first. */
    public List<ServingDesignationRecord> page(String root, int offset, int limit) {
        return db.selectFrom(SERVING_DESIGNATION).where(ServingRepository.under(SERVING_DESIGNATION.ORG_PATH, root))
                .orderBy(SERVING_DESIGNATION.STATUS, SERVING_DESIGNATION.STARTS_ON.desc(), SERVING_DESIGNATION.ID.desc())
                .offset(offset).limit(limit).fetch();
    }

    public long count(String root) {
        return db.fetchCount(SERVING_DESIGNATION, ServingRepository.under(SERVING_DESIGNATION.ORG_PATH, root));
    }

    public List<ServingDesignationRecord> ofMember(long memberId) {
        return db.selectFrom(SERVING_DESIGNATION).where(SERVING_DESIGNATION.MEMBER_ID.eq(memberId))
                .orderBy(SERVING_DESIGNATION.STATUS, SERVING_DESIGNATION.STARTS_ON.desc()).fetch();
    }

    /** Designations in force of a branch that have no review of {@code year} yet (the secretary's to-dos). */
    public List<ServingDesignationRecord> unreviewed(long orgId, int year, int limit) {
        return db.selectFrom(SERVING_DESIGNATION).where(SERVING_DESIGNATION.ORG_ID.eq(orgId))
                .and(SERVING_DESIGNATION.STATUS.eq(DesignationStatus.ACTIVE))
                .and(SERVING_DESIGNATION.STARTS_ON.lt(java.time.LocalDate.of(year, 1, 1).plusYears(1)))
                .andNotExists(db.selectOne().from(SERVING_DESIGNATION_REVIEW)
                        .where(SERVING_DESIGNATION_REVIEW.DESIGNATION_ID.eq(SERVING_DESIGNATION.ID))
                        .and(SERVING_DESIGNATION_REVIEW.REVIEW_YEAR.eq(year)))
                .orderBy(SERVING_DESIGNATION.ID).limit(limit).fetch();
    }

    /** Demo data: designations in one JDBC batch. */
    public void insertAll(List<ServingDesignationRecord> rows) {
        if (!rows.isEmpty()) {
            db.batchInsert(rows).execute();
        }
    }

    public void withdraw(long id) {
        db.update(SERVING_DESIGNATION).set(SERVING_DESIGNATION.STATUS, DesignationStatus.WITHDRAWN)
                .where(SERVING_DESIGNATION.ID.eq(id)).execute();
    }

    /** Inserts the year's review unless one exists; true when inserted. */
    public boolean insertReview(ServingDesignationReviewRecord r) {
        return db.insertInto(SERVING_DESIGNATION_REVIEW).set(r)
                .onConflict(SERVING_DESIGNATION_REVIEW.DESIGNATION_ID, SERVING_DESIGNATION_REVIEW.REVIEW_YEAR).doNothing()
                .execute() == 1;
    }

    public ServingDesignationReviewRecord newReview() {
        return db.newRecord(SERVING_DESIGNATION_REVIEW);
    }

    public Map<Long, List<ServingDesignationReviewRecord>> reviews(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return db.selectFrom(SERVING_DESIGNATION_REVIEW).where(SERVING_DESIGNATION_REVIEW.DESIGNATION_ID.in(ids))
                .orderBy(SERVING_DESIGNATION_REVIEW.REVIEW_YEAR.desc()).fetch().stream()
                .collect(Collectors.groupingBy(ServingDesignationReviewRecord::getDesignationId));
    }
}
