package io.zhibu.learning.internal;

import static io.zhibu.db.Tables.LEARNING_COMPLETION;
import static io.zhibu.db.Tables.LEARNING_HOURS;
import static io.zhibu.db.Tables.LEARNING_MATERIAL;
import static io.zhibu.db.Tables.LEARNING_SESSION;

import io.zhibu.db.tables.records.LearningCompletionRecord;
import io.zhibu.db.tables.records.LearningHoursRecord;
import io.zhibu.db.tables.records.LearningMaterialRecord;
import io.zhibu.db.tables.records.LearningSessionRecord;
import io.zhibu.learning.LearningRecords.Audience;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** SQL of the study items (学习资料): materials, the daily study sessions (dwell) and the completions. */
@Repository
public class MaterialRepository {
    private final DSLContext db;

    public MaterialRepository(DSLContext db) {
        this.db = db;
    }

    public LearningMaterialRecord newMaterial() {
        return db.newRecord(LEARNING_MATERIAL);
    }

    public Optional<LearningMaterialRecord> material(long id) {
        return db.selectFrom(LEARNING_MATERIAL).where(LEARNING_MATERIAL.ID.eq(id)).fetchOptional();
    }

    /**
     * The items a scope may read (its subtree and its superiors'), newest first; {@code audiences} null for every
     * audience, {@code topic} null for every topic.
     */
    public List<LearningMaterialRecord> library(String scopePath, Collection<Audience> audiences, String topic, int limit) {
        Condition c = LearningRepository.readable(LEARNING_MATERIAL.ORG_PATH, scopePath)
                .and(audiences == null ? DSL.noCondition() : LEARNING_MATERIAL.AUDIENCE.in(audiences));
        if (topic != null) {
            c = c.and(LEARNING_MATERIAL.TOPIC.eq(topic));
        }
        return db.selectFrom(LEARNING_MATERIAL).where(c).orderBy(LEARNING_MATERIAL.ID.desc()).limit(limit).fetch();
    }

    // ---------------------------------------------------------------- sessions (dwell)

    /** The member's session of the item on {@code day}, locked for the heartbeat; null when none yet. */
    public LearningSessionRecord sessionForUpdate(long memberId, long materialId, LocalDate day) {
        return db.selectFrom(LEARNING_SESSION).where(LEARNING_SESSION.MEMBER_ID.eq(memberId))
                .and(LEARNING_SESSION.MATERIAL_ID.eq(materialId)).and(LEARNING_SESSION.STUDY_DATE.eq(day))
                .forUpdate().fetchOptional().orElse(null);
    }

    public LearningSessionRecord newSession() {
        return db.newRecord(LEARNING_SESSION);
    }

    /** Seconds of dwell on the item over every day. */
    public int dwell(long memberId, long materialId) {
        return db.select(DSL.coalesce(DSL.sum(LEARNING_SESSION.DWELL_SECONDS), BigDecimal.ZERO))
                .from(LEARNING_SESSION).where(LEARNING_SESSION.MEMBER_ID.eq(memberId))
                .and(LEARNING_SESSION.MATERIAL_ID.eq(materialId)).fetchOne(0, BigDecimal.class).intValue();
    }

    // ---------------------------------------------------------------- completions

    public Set<Long> completedItems(long memberId) {
        return Set.copyOf(db.select(LEARNING_COMPLETION.MATERIAL_ID).from(LEARNING_COMPLETION)
                .where(LEARNING_COMPLETION.MEMBER_ID.eq(memberId)).fetch(LEARNING_COMPLETION.MATERIAL_ID));
    }

    public Optional<LearningCompletionRecord> completion(long memberId, long materialId) {
        return db.selectFrom(LEARNING_COMPLETION).where(LEARNING_COMPLETION.MEMBER_ID.eq(memberId))
                .and(LEARNING_COMPLETION.MATERIAL_ID.eq(materialId)).fetchOptional();
    }

    /** Minutes credited to the member on {@code day} (the daily cap). */
    public int creditedMinutes(long memberId, LocalDate day) {
        return db.select(DSL.coalesce(DSL.sum(LEARNING_COMPLETION.MINUTES), BigDecimal.ZERO))
                .from(LEARNING_COMPLETION).where(LEARNING_COMPLETION.MEMBER_ID.eq(memberId))
                .and(LEARNING_COMPLETION.STUDY_DATE.eq(day)).fetchOne(0, BigDecimal.class).intValue();
    }

    public LearningCompletionRecord newCompletion() {
        return db.newRecord(LEARNING_COMPLETION);
    }

    public LearningHoursRecord newHours() {
        return db.newRecord(LEARNING_HOURS);
    }
}
