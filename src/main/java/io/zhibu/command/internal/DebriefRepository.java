package io.zhibu.command.internal;

import static io.zhibu.db.Tables.COMMAND_DEBRIEF_GRADE;
import static io.zhibu.db.Tables.COMMAND_DEBRIEF_REPORT;
import static io.zhibu.db.Tables.COMMAND_DEBRIEF_ROUND;

import io.zhibu.command.internal.TaskRepository.Target;
import io.zhibu.db.tables.records.CommandDebriefGradeRecord;
import io.zhibu.db.tables.records.CommandDebriefReportRecord;
import io.zhibu.db.tables.records.CommandDebriefRoundRecord;
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
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** SQL of 述职评议 rounds, their report rows (one per target organization) and the evaluators' grades. */
@Repository
public class DebriefRepository {
    private final DSLContext db;

    public DebriefRepository(DSLContext db) {
        this.db = db;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static Condition under(org.jooq.Field<String> path, String scopePath) {
        return scopePath.isEmpty() ? DSL.noCondition() : path.ge(scopePath).and(path.lt(OrgPath.upperBound(scopePath)));
    }

    public long insertRound(CommandDebriefRoundRecord r) {
        r.setCreatedAt(now());
        r.changed(COMMAND_DEBRIEF_ROUND.ID, false);
        return db.insertInto(COMMAND_DEBRIEF_ROUND).set(r).returning(COMMAND_DEBRIEF_ROUND.ID).fetchOne().getId();
    }

    /** Every report row of a new round in one bulk load. */
    public void insertReports(long roundId, List<Target> targets) {
        var p = COMMAND_DEBRIEF_REPORT;
        List<Object[]> rows = new ArrayList<>(targets.size());
        for (Target t : targets) {
            rows.add(new Object[] {roundId, t.orgId(), t.regionOrgId(), t.path(), t.name(), 0});
        }
        BulkInsert.rows(db, p, List.of(p.ROUND_ID, p.ORG_ID, p.REGION_ORG_ID, p.ORG_PATH, p.ORG_NAME, p.VERSION), rows);
    }

    public Optional<CommandDebriefRoundRecord> round(long id) {
        return db.selectFrom(COMMAND_DEBRIEF_ROUND).where(COMMAND_DEBRIEF_ROUND.ID.eq(id)).fetchOptional();
    }

    /** Rounds opened by organizations inside {@code scopePath} (or by exactly {@code orgId}), newest first. */
    public List<CommandDebriefRoundRecord> rounds(String scopePath, Integer year, Long orgId, int limit) {
        var d = COMMAND_DEBRIEF_ROUND;
        Condition c = under(d.ORG_PATH, scopePath);
        if (year != null) {
            c = c.and(d.DEBRIEF_YEAR.eq(year));
        }
        if (orgId != null) {
            c = c.and(d.ORG_ID.eq(orgId));
        }
        return db.selectFrom(d).where(c).orderBy(d.DEBRIEF_YEAR.desc(), d.ID.desc()).limit(limit).fetch();
    }

    public Optional<CommandDebriefReportRecord> report(long roundId, long orgId) {
        var p = COMMAND_DEBRIEF_REPORT;
        return db.selectFrom(p).where(p.ROUND_ID.eq(roundId)).and(p.ORG_ID.eq(orgId)).fetchOptional();
    }

    public List<CommandDebriefReportRecord> reports(long roundId) {
        var p = COMMAND_DEBRIEF_REPORT;
        return db.selectFrom(p).where(p.ROUND_ID.eq(roundId)).orderBy(p.ORG_PATH).fetch();
    }

    /** Report rows of organizations inside {@code scopePath} (or exactly {@code orgId}) with their round, newest first. */
    public List<org.jooq.Record> reportsWithin(String scopePath, Integer year, Long orgId, int limit) {
        var p = COMMAND_DEBRIEF_REPORT;
        var d = COMMAND_DEBRIEF_ROUND;
        Condition c = under(p.ORG_PATH, scopePath);
        if (year != null) {
            c = c.and(d.DEBRIEF_YEAR.eq(year));
        }
        if (orgId != null) {
            c = c.and(p.ORG_ID.eq(orgId));
        }
        return new ArrayList<>(db.select(p.fields()).select(d.fields()).from(p).join(d).on(d.ID.eq(p.ROUND_ID)).where(c)
                .orderBy(d.DEBRIEF_YEAR.desc(), p.ROUND_ID.desc(), p.ORG_PATH).limit(limit).fetch());
    }

    /** Open rounds where {@code orgId} still owes its report (the secretary's to-do). */
    public List<org.jooq.Record> owed(long orgId, int limit) {
        var p = COMMAND_DEBRIEF_REPORT;
        var d = COMMAND_DEBRIEF_ROUND;
        return new ArrayList<>(db.select(p.ROUND_ID, d.DEBRIEF_YEAR, d.ORG_NAME).from(p).join(d).on(d.ID.eq(p.ROUND_ID))
                .where(p.ORG_ID.eq(orgId)).and(p.SUBMITTED_ON.isNull()).and(d.STATUS.eq(io.zhibu.command.DebriefRoundStatus.OPEN))
                .orderBy(p.ROUND_ID).limit(limit).fetch());
    }

    public boolean file(long roundId, long orgId, int version, String text, LocalDate on, String by) {
        var p = COMMAND_DEBRIEF_REPORT;
        return db.update(p).set(p.REPORT, text).set(p.SUBMITTED_ON, on).set(p.SUBMITTED_BY, by)
                .set(p.VERSION, version + 1)
                .where(p.ROUND_ID.eq(roundId)).and(p.ORG_ID.eq(orgId)).and(p.VERSION.eq(version)).execute() == 1;
    }

    public void setResult(long roundId, long orgId, BigDecimal score, io.zhibu.command.DebriefGrade grade) {
        var p = COMMAND_DEBRIEF_REPORT;
        db.update(p).set(p.SCORE, score).set(p.OVERALL_GRADE, grade).set(p.VERSION, p.VERSION.plus(1))
                .where(p.ROUND_ID.eq(roundId)).and(p.ORG_ID.eq(orgId)).execute();
    }

    /** One evaluator's grade, replacing the evaluator's earlier grade of the same report. */
    public void putGrade(long roundId, long orgId, String evaluator, io.zhibu.command.EvaluatorKind kind,
                         io.zhibu.command.DebriefGrade grade, String by) {
        var g = COMMAND_DEBRIEF_GRADE;
        db.deleteFrom(g).where(g.ROUND_ID.eq(roundId)).and(g.ORG_ID.eq(orgId)).and(g.EVALUATOR.eq(evaluator)).execute();
        db.insertInto(g).set(g.ROUND_ID, roundId).set(g.ORG_ID, orgId).set(g.EVALUATOR, evaluator)
                .set(g.EVALUATOR_KIND, kind).set(g.GRADE, grade).set(g.GRADED_BY, by).set(g.GRADED_AT, now()).execute();
    }

    public List<CommandDebriefGradeRecord> grades(long roundId, Collection<Long> orgIds) {
        var g = COMMAND_DEBRIEF_GRADE;
        return db.selectFrom(g).where(g.ROUND_ID.eq(roundId)).and(g.ORG_ID.in(orgIds))
                .orderBy(g.ORG_ID, g.EVALUATOR_KIND, g.EVALUATOR).fetch();
    }

    public boolean publish(long roundId, String by) {
        var d = COMMAND_DEBRIEF_ROUND;
        return db.update(d).set(d.STATUS, io.zhibu.command.DebriefRoundStatus.PUBLISHED).set(d.PUBLISHED_BY, by).set(d.PUBLISHED_AT, now())
                .where(d.ID.eq(roundId)).and(d.STATUS.eq(io.zhibu.command.DebriefRoundStatus.OPEN)).execute() == 1;
    }

    /** Published 差 results of organizations inside {@code subtreePath} for {@code year}. */
    public List<CommandDebriefReportRecord> poor(int year, String subtreePath) {
        var p = COMMAND_DEBRIEF_REPORT;
        var d = COMMAND_DEBRIEF_ROUND;
        return db.select(p.fields()).from(p).join(d).on(d.ID.eq(p.ROUND_ID)).where(under(p.ORG_PATH, subtreePath))
                .and(d.DEBRIEF_YEAR.eq(year)).and(d.STATUS.eq(io.zhibu.command.DebriefRoundStatus.PUBLISHED)).and(p.OVERALL_GRADE.eq(io.zhibu.command.DebriefGrade.POOR))
                .fetchInto(p);
    }
}
