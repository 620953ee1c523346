package io.zhibu.command.internal;

import static io.zhibu.db.Tables.COMMAND_OBSERVATION;
import static io.zhibu.db.Tables.COMMAND_OBSERVATION_BRANCH;
import static io.zhibu.db.Tables.COMMAND_OBSERVATION_SCORE;
import static io.zhibu.db.Tables.COMMAND_OBSERVATION_TEMPLATE;
import static io.zhibu.db.Tables.COMMAND_OBSERVATION_TEMPLATE_ITEM;

import io.zhibu.command.ObservationStatus;
import io.zhibu.command.internal.TaskRepository.Target;
import io.zhibu.db.tables.records.CommandObservationBranchRecord;
import io.zhibu.db.tables.records.CommandObservationRecord;
import io.zhibu.db.tables.records.CommandObservationScoreRecord;
import io.zhibu.db.tables.records.CommandObservationTemplateItemRecord;
import io.zhibu.db.tables.records.CommandObservationTemplateRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** SQL of on-site observations (观摩): templates and their items, visit plans, sheets per branch, item points. */
@Repository
public class ObservationRepository {
    private final DSLContext db;

    public ObservationRepository(DSLContext db) {
        this.db = db;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    public long insertTemplate(CommandObservationTemplateRecord t, List<String> labels, List<Integer> max) {
        t.setCreatedAt(now());
        t.changed(COMMAND_OBSERVATION_TEMPLATE.ID, false);
        long id = db.insertInto(COMMAND_OBSERVATION_TEMPLATE).set(t).returning(COMMAND_OBSERVATION_TEMPLATE.ID).fetchOne().getId();
        var i = COMMAND_OBSERVATION_TEMPLATE_ITEM;
        for (int n = 0; n < labels.size(); n++) {
            db.insertInto(i).set(i.TEMPLATE_ID, id).set(i.SEQ, n + 1).set(i.LABEL, labels.get(n)).set(i.MAX_POINTS, max.get(n))
                    .execute();
        }
        return id;
    }

    public Optional<CommandObservationTemplateRecord> template(long id) {
        return db.selectFrom(COMMAND_OBSERVATION_TEMPLATE).where(COMMAND_OBSERVATION_TEMPLATE.ID.eq(id)).fetchOptional();
    }

    /** Templates of the given organizations' paths (the caller's level and above) or inside {@code scopePath}. */
    public List<CommandObservationTemplateRecord> templates(List<String> paths, String scopePath) {
        var t = COMMAND_OBSERVATION_TEMPLATE;
        return db.selectFrom(t).where(t.ORG_PATH.in(paths).or(ProjectRepository.under(t.ORG_PATH, scopePath)))
                .orderBy(t.ORG_PATH, t.ID).limit(100).fetch();
    }

    public List<CommandObservationTemplateItemRecord> items(Collection<Long> templateIds) {
        var i = COMMAND_OBSERVATION_TEMPLATE_ITEM;
        return db.selectFrom(i).where(i.TEMPLATE_ID.in(templateIds)).orderBy(i.TEMPLATE_ID, i.SEQ).fetch();
    }

    public long insert(CommandObservationRecord o, List<Target> branches) {
        o.setCreatedAt(now());
        o.changed(COMMAND_OBSERVATION.ID, false);
        long id = db.insertInto(COMMAND_OBSERVATION).set(o).returning(COMMAND_OBSERVATION.ID).fetchOne().getId();
        var b = COMMAND_OBSERVATION_BRANCH;
        for (Target t : branches) {
            db.insertInto(b).set(b.OBSERVATION_ID, id).set(b.ORG_ID, t.orgId()).set(b.ORG_PATH, t.path())
                    .set(b.ORG_NAME, t.name()).execute();
        }
        return id;
    }

    public Optional<CommandObservationRecord> observation(long id) {
        return db.selectFrom(COMMAND_OBSERVATION).where(COMMAND_OBSERVATION.ID.eq(id)).fetchOptional();
    }

    /** Visits planned inside {@code scopePath}, or visiting a branch inside it, newest first. */
    public List<CommandObservationRecord> visible(String scopePath, int limit) {
        var o = COMMAND_OBSERVATION;
        var b = COMMAND_OBSERVATION_BRANCH;
        Condition visits = DSL.exists(DSL.selectOne().from(b).where(b.OBSERVATION_ID.eq(o.ID))
                .and(ProjectRepository.under(b.ORG_PATH, scopePath)));
        return db.selectFrom(o).where(ProjectRepository.under(o.ORG_PATH, scopePath).or(visits))
                .orderBy(o.VISIT_ON.desc(), o.ID.desc()).limit(limit).fetch();
    }

    public List<CommandObservationBranchRecord> branches(long id, String scopePath) {
        var b = COMMAND_OBSERVATION_BRANCH;
        return db.selectFrom(b).where(b.OBSERVATION_ID.eq(id)).and(ProjectRepository.under(b.ORG_PATH, scopePath))
                .orderBy(b.ORG_PATH).fetch();
    }

    public Optional<CommandObservationBranchRecord> branch(long id, long orgId) {
        var b = COMMAND_OBSERVATION_BRANCH;
        return db.selectFrom(b).where(b.OBSERVATION_ID.eq(id)).and(b.ORG_ID.eq(orgId)).fetchOptional();
    }

    public List<CommandObservationScoreRecord> scores(long id) {
        var s = COMMAND_OBSERVATION_SCORE;
        return db.selectFrom(s).where(s.OBSERVATION_ID.eq(id)).orderBy(s.ORG_ID, s.SEQ).fetch();
    }

    public void score(long id, long orgId, List<Integer> points, BigDecimal total, String comment, String by) {
        var s = COMMAND_OBSERVATION_SCORE;
        db.deleteFrom(s).where(s.OBSERVATION_ID.eq(id)).and(s.ORG_ID.eq(orgId)).execute();
        for (int n = 0; n < points.size(); n++) {
            db.insertInto(s).set(s.OBSERVATION_ID, id).set(s.ORG_ID, orgId).set(s.SEQ, n + 1).set(s.POINTS, points.get(n))
                    .execute();
        }
        var b = COMMAND_OBSERVATION_BRANCH;
        db.update(b).set(b.TOTAL, total).set(b.COMMENT, comment).set(b.SCORED_BY, by).set(b.SCORED_AT, now())
                .where(b.OBSERVATION_ID.eq(id)).and(b.ORG_ID.eq(orgId)).execute();
    }

    /** Demo and lived-year history: a scored sheet with its own time; a visit published at its own time. */
    public void backdate(long id, Long orgId, OffsetDateTime at) {
        if (orgId != null) {
            var b = COMMAND_OBSERVATION_BRANCH;
            db.update(b).set(b.SCORED_AT, at).where(b.OBSERVATION_ID.eq(id)).and(b.ORG_ID.eq(orgId)).execute();
        } else {
            var o = COMMAND_OBSERVATION;
            db.update(o).set(o.CREATED_AT, at).where(o.ID.eq(id)).execute();
            db.update(o).set(o.PUBLISHED_AT, at.plusDays(21)).where(o.ID.eq(id)).and(o.PUBLISHED_AT.isNotNull()).execute();
        }
    }

    /** Whether the organization has visits planned by {@code createdBy} (the lived year's, written once). */
    public boolean anyBy(String orgPath, String createdBy) {
        return db.fetchExists(COMMAND_OBSERVATION, COMMAND_OBSERVATION.ORG_PATH.eq(orgPath)
                .and(COMMAND_OBSERVATION.CREATED_BY.eq(createdBy)));
    }

    public void photo(long id, long orgId, String key, String name, String type) {
        var b = COMMAND_OBSERVATION_BRANCH;
        db.update(b).set(b.PHOTO_KEY, key).set(b.PHOTO_NAME, name).set(b.PHOTO_TYPE, type)
                .where(b.OBSERVATION_ID.eq(id)).and(b.ORG_ID.eq(orgId)).execute();
    }

    public boolean publish(long id, String by) {
        var o = COMMAND_OBSERVATION;
        return db.update(o).set(o.STATUS, ObservationStatus.PUBLISHED).set(o.PUBLISHED_BY, by).set(o.PUBLISHED_AT, now())
                .where(o.ID.eq(id)).and(o.STATUS.eq(ObservationStatus.PLANNED)).execute() == 1;
    }

    /** Scored sheets of published visits in {@code year} of branches below {@code subtreePath}, with their visit. */
    public List<org.jooq.Record> results(int year, String subtreePath) {
        var o = COMMAND_OBSERVATION;
        var b = COMMAND_OBSERVATION_BRANCH;
        return new ArrayList<>(db.select(b.fields()).select(o.TEMPLATE_ID).from(b).join(o).on(o.ID.eq(b.OBSERVATION_ID))
                .where(ProjectRepository.under(b.ORG_PATH, subtreePath)).and(o.STATUS.eq(ObservationStatus.PUBLISHED))
                .and(o.VISIT_ON.between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))).and(b.TOTAL.isNotNull())
                .orderBy(b.ORG_PATH).fetch());
    }
}
