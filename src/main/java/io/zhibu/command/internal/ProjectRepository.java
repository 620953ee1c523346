package io.zhibu.command.internal;

import static io.zhibu.db.Tables.COMMAND_PROJECT;
import static io.zhibu.db.Tables.COMMAND_PROJECT_DISPATCH;
import static io.zhibu.db.Tables.COMMAND_PROJECT_ORG;
import static io.zhibu.db.Tables.COMMAND_PROJECT_REPORT;

import io.zhibu.command.ProjectKind;
import io.zhibu.command.ProjectState;
import io.zhibu.command.internal.TaskRepository.Target;
import io.zhibu.db.tables.records.CommandProjectDispatchRecord;
import io.zhibu.db.tables.records.CommandProjectOrgRecord;
import io.zhibu.db.tables.records.CommandProjectRecord;
import io.zhibu.db.tables.records.CommandProjectReportRecord;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.db.BulkInsert;
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
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * SQL of the project book (项目书): the catalogue, one participation row per organization carrying a project, the
 * quarterly progress reports and the half-year dispatch records.
 */
@Repository
public class ProjectRepository {
    private final DSLContext db;

    public ProjectRepository(DSLContext db) {
        this.db = db;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    public static Condition under(Field<String> path, String scopePath) {
        return scopePath.isEmpty() ? DSL.noCondition() : path.ge(scopePath).and(path.lt(OrgPath.upperBound(scopePath)));
    }

    /** The strict ancestors' paths of {@code path} (the catalogues issued above it). */
    public static List<String> ancestors(String path) {
        List<String> out = new ArrayList<>();
        for (int end = OrgPath.SEGMENT; end < path.length(); end += OrgPath.SEGMENT) {
            out.add(path.substring(0, end));
        }
        return out;
    }

    public boolean codeTaken(long orgId, int year, String code) {
        var p = COMMAND_PROJECT;
        return db.fetchExists(p, p.ORG_ID.eq(orgId).and(p.PROJECT_YEAR.eq(year)).and(p.CODE.eq(code)));
    }

    public long insert(CommandProjectRecord r) {
        r.setCreatedAt(now());
        r.changed(COMMAND_PROJECT.ID, false);
        return db.insertInto(COMMAND_PROJECT).set(r).returning(COMMAND_PROJECT.ID).fetchOne().getId();
    }

    /** The participation rows of a key or basic project, all ASSIGNED, in one bulk load. */
    public void insertCarriers(long projectId, List<Target> targets) {
        var o = COMMAND_PROJECT_ORG;
        List<Object[]> rows = new ArrayList<>(targets.size());
        for (Target t : targets) {
            rows.add(new Object[] {projectId, t.orgId(), t.regionOrgId(), t.path(), t.name(), ProjectState.ASSIGNED.name(), 0});
        }
        BulkInsert.rows(db, o, List.of(o.PROJECT_ID, o.ORG_ID, o.REGION_ORG_ID, o.ORG_PATH, o.ORG_NAME, o.STATE, o.VERSION),
                rows);
    }

    public Optional<CommandProjectRecord> project(long id) {
        return db.selectFrom(COMMAND_PROJECT).where(COMMAND_PROJECT.ID.eq(id)).fetchOptional();
    }

    /**
     * The year's projects the caller sees: issued inside {@code scopePath}, or issued above it (an ancestor's
     * catalogue) when it is an innovation project (claimable) or carried by an organization inside the scope.
     */
    public List<CommandProjectRecord> visible(String scopePath, int year) {
        var p = COMMAND_PROJECT;
        var o = COMMAND_PROJECT_ORG;
        Condition above = p.ORG_PATH.in(ancestors(scopePath)).and(p.KIND.eq(ProjectKind.INNOVATION)
                .or(DSL.exists(DSL.selectOne().from(o).where(o.PROJECT_ID.eq(p.ID)).and(under(o.ORG_PATH, scopePath)))));
        return db.selectFrom(p).where(p.PROJECT_YEAR.eq(year)).and(under(p.ORG_PATH, scopePath).or(above))
                .orderBy(p.ORG_PATH, p.KIND, p.CODE).fetch();
    }

    /** Whether some organization inside {@code scopePath} carries the project. */
    public boolean carriedWithin(long projectId, String scopePath) {
        var o = COMMAND_PROJECT_ORG;
        return db.fetchExists(o, o.PROJECT_ID.eq(projectId).and(under(o.ORG_PATH, scopePath)));
    }

    public Optional<CommandProjectOrgRecord> row(long projectId, long orgId) {
        var o = COMMAND_PROJECT_ORG;
        return db.selectFrom(o).where(o.PROJECT_ID.eq(projectId)).and(o.ORG_ID.eq(orgId)).fetchOptional();
    }

    /** The participation rows of a project inside {@code scopePath}, by path. */
    public List<CommandProjectOrgRecord> rows(long projectId, String scopePath) {
        var o = COMMAND_PROJECT_ORG;
        return db.selectFrom(o).where(o.PROJECT_ID.eq(projectId)).and(under(o.ORG_PATH, scopePath))
                .orderBy(o.ORG_PATH).fetch();
    }

    /** The rows of the given projects inside {@code scopePath} (the per-project figures of a catalogue). */
    public List<CommandProjectOrgRecord> rows(Collection<Long> projectIds, String scopePath) {
        var o = COMMAND_PROJECT_ORG;
        return db.selectFrom(o).where(o.PROJECT_ID.in(projectIds)).and(under(o.ORG_PATH, scopePath)).fetch();
    }

    /** One organization's rows of a year with their projects (the per-organization board). */
    public List<org.jooq.Record> rowsOf(long orgId, int year) {
        var p = COMMAND_PROJECT;
        var o = COMMAND_PROJECT_ORG;
        return new ArrayList<>(db.select(o.fields()).select(p.fields()).from(o).join(p).on(p.ID.eq(o.PROJECT_ID))
                .where(o.ORG_ID.eq(orgId)).and(p.PROJECT_YEAR.eq(year)).orderBy(p.KIND, p.CODE).fetch());
    }

    public void claim(CommandProjectOrgRecord r) {
        r.setClaimedAt(now());
        db.insertInto(COMMAND_PROJECT_ORG).set(r).execute();
    }

    public boolean plan(long projectId, long orgId, int version, ProjectState state, String leader, String measures,
                        String milestones, LocalDate deadline, String by) {
        var o = COMMAND_PROJECT_ORG;
        return db.update(o).set(o.STATE, state).set(o.LEADER, leader).set(o.MEASURES, measures)
                .set(o.MILESTONES, milestones).set(o.DEADLINE, deadline).set(o.CLAIMED_BY, by).set(o.CLAIMED_AT, now())
                .set(o.VERSION, version + 1)
                .where(o.PROJECT_ID.eq(projectId)).and(o.ORG_ID.eq(orgId)).and(o.VERSION.eq(version)).execute() == 1;
    }

    public boolean setState(long projectId, long orgId, int version, ProjectState state) {
        var o = COMMAND_PROJECT_ORG;
        return db.update(o).set(o.STATE, state).set(o.VERSION, version + 1)
                .where(o.PROJECT_ID.eq(projectId)).and(o.ORG_ID.eq(orgId)).and(o.VERSION.eq(version)).execute() == 1;
    }

    public boolean evaluate(long projectId, long orgId, int version, BigDecimal score, String comment, String by) {
        var o = COMMAND_PROJECT_ORG;
        return db.update(o).set(o.STATE, ProjectState.EVALUATED).set(o.SCORE, score).set(o.EVALUATION, comment)
                .set(o.EVALUATED_BY, by).set(o.EVALUATED_AT, now()).set(o.VERSION, version + 1)
                .where(o.PROJECT_ID.eq(projectId)).and(o.ORG_ID.eq(orgId)).and(o.VERSION.eq(version)).execute() == 1;
    }

    /** A quarter's report, replacing the organization's earlier report of the same quarter (keeps its evidence). */
    public void putReport(long projectId, long orgId, int quarter, String progress, boolean done, String by) {
        var r = COMMAND_PROJECT_REPORT;
        int n = db.update(r).set(r.PROGRESS, progress).set(r.DONE, done).set(r.REPORTED_BY, by).set(r.REPORTED_AT, now())
                .where(r.PROJECT_ID.eq(projectId)).and(r.ORG_ID.eq(orgId)).and(r.QUARTER.eq(quarter)).execute();
        if (n == 0) {
            db.insertInto(r).set(r.PROJECT_ID, projectId).set(r.ORG_ID, orgId).set(r.QUARTER, quarter)
                    .set(r.PROGRESS, progress).set(r.DONE, done).set(r.REPORTED_BY, by).set(r.REPORTED_AT, now()).execute();
        }
    }

    public void setEvidence(long projectId, long orgId, int quarter, String key, String name, String contentType) {
        var r = COMMAND_PROJECT_REPORT;
        db.update(r).set(r.FILE_KEY, key).set(r.FILE_NAME, name).set(r.CONTENT_TYPE, contentType)
                .where(r.PROJECT_ID.eq(projectId)).and(r.ORG_ID.eq(orgId)).and(r.QUARTER.eq(quarter)).execute();
    }

    public Optional<CommandProjectReportRecord> report(long projectId, long orgId, int quarter) {
        var r = COMMAND_PROJECT_REPORT;
        return db.selectFrom(r).where(r.PROJECT_ID.eq(projectId)).and(r.ORG_ID.eq(orgId)).and(r.QUARTER.eq(quarter))
                .fetchOptional();
    }

    public List<CommandProjectReportRecord> reports(Collection<Long> projectIds, Collection<Long> orgIds) {
        var r = COMMAND_PROJECT_REPORT;
        if (projectIds.isEmpty() || orgIds.isEmpty()) {
            return List.of();
        }
        return db.selectFrom(r).where(r.PROJECT_ID.in(projectIds)).and(r.ORG_ID.in(orgIds))
                .orderBy(r.PROJECT_ID, r.ORG_ID, r.QUARTER).fetch();
    }

    public long insertDispatch(CommandProjectDispatchRecord d) {
        d.setCreatedAt(now());
        d.changed(COMMAND_PROJECT_DISPATCH.ID, false);
        return db.insertInto(COMMAND_PROJECT_DISPATCH).set(d).returning(COMMAND_PROJECT_DISPATCH.ID).fetchOne().getId();
    }

    /** The dispatch records of the catalogues the caller sees: its own level's and its ancestors'. */
    public List<CommandProjectDispatchRecord> dispatches(String scopePath, int year) {
        var d = COMMAND_PROJECT_DISPATCH;
        List<String> paths = new ArrayList<>(ancestors(scopePath));
        paths.add(scopePath);
        return db.selectFrom(d).where(d.PROJECT_YEAR.eq(year)).and(d.ORG_PATH.in(paths))
                .orderBy(d.HELD_ON.desc(), d.ID.desc()).fetch();
    }

    /** Evaluated rows below {@code subtreePath} in {@code year} with their project (the facts for assessment). */
    public List<org.jooq.Record> evaluated(int year, String subtreePath) {
        var p = COMMAND_PROJECT;
        var o = COMMAND_PROJECT_ORG;
        return new ArrayList<>(db.select(o.fields()).select(p.fields()).from(o).join(p).on(p.ID.eq(o.PROJECT_ID))
                .where(under(o.ORG_PATH, subtreePath)).and(p.PROJECT_YEAR.eq(year))
                .and(o.STATE.eq(ProjectState.EVALUATED)).orderBy(o.ORG_PATH, p.CODE).fetch());
    }

    // --- demo and benchmark data only ({@link ProjectLivedYear}): whole rows in bulk

    /** Demo rows of {@code command_project_org}: project, org, region, path, name, state, leader, measures,
     *  milestones, deadline, claimed_at, score, evaluation, evaluated_at (by "demo-year"). */
    public void bulkRows(List<Object[]> rows) {
        var o = COMMAND_PROJECT_ORG;
        BulkInsert.rows(db, o, List.of(o.PROJECT_ID, o.ORG_ID, o.REGION_ORG_ID, o.ORG_PATH, o.ORG_NAME, o.STATE, o.LEADER,
                o.MEASURES, o.MILESTONES, o.DEADLINE, o.CLAIMED_BY, o.CLAIMED_AT, o.SCORE, o.EVALUATION, o.EVALUATED_BY,
                o.EVALUATED_AT, o.VERSION), rows);
    }

    /** Demo rows of {@code command_project_report}: project, org, quarter, progress, done, reported_by, reported_at. */
    public void bulkReports(List<Object[]> rows) {
        var r = COMMAND_PROJECT_REPORT;
        BulkInsert.rows(db, r, List.of(r.PROJECT_ID, r.ORG_ID, r.QUARTER, r.PROGRESS, r.DONE, r.REPORTED_BY,
                r.REPORTED_AT), rows);
    }

    /** "projectId:orgId" of the rows below {@code subtreePath} in {@code year} with a report declaring them done. */
    public java.util.Set<String> doneKeys(int year, String subtreePath) {
        var p = COMMAND_PROJECT;
        var r = COMMAND_PROJECT_REPORT;
        var o = COMMAND_PROJECT_ORG;
        return new java.util.HashSet<>(db.selectDistinct(r.PROJECT_ID, r.ORG_ID).from(r).join(p).on(p.ID.eq(r.PROJECT_ID))
                .join(o).on(o.PROJECT_ID.eq(r.PROJECT_ID).and(o.ORG_ID.eq(r.ORG_ID)))
                .where(r.DONE.isTrue()).and(p.PROJECT_YEAR.eq(year)).and(under(o.ORG_PATH, subtreePath))
                .fetch(x -> x.value1() + ":" + x.value2()));
    }
}
