package io.zhibu.command;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What the 述职评议 API reads and takes (issue 17 point 7). */
public final class DebriefViews {
    private DebriefViews() {
    }

    /** Opens a year's round for {@code targets} (as a task's: picked organizations or a filtered subtree). */
    public record NewDebrief(Integer year, TaskTargets targets) {
    }

    /** The secretary's written report (述职报告); {@code version} optional (409 if someone else was first). */
    public record Filing(String text, Integer version) {
    }

    /** One evaluator's grade of one report, recorded by the round's owner. */
    public record Grading(String evaluator, EvaluatorKind kind, DebriefGrade grade) {
    }

    /** One round: who opened it, for which year, how far it is. */
    public record Round(long id, int year, long orgId, String orgName, DebriefRoundStatus status, String targetSummary,
                        int targetCount, long filed, long graded, long poor, OffsetDateTime createdAt,
                        OffsetDateTime publishedAt) {
    }

    /** One evaluator's grade. */
    public record Grade(String evaluator, EvaluatorKind kind, DebriefGrade grade) {
    }

    /**
     * One secretary's report in one round; text, score and grade are shown to the round's owner, and to the
     * organization itself (result only once published).
     */
    public record Report(long roundId, int year, String ownerOrgName, DebriefRoundStatus status, long orgId,
                         String orgName, String report, LocalDate submittedOn, BigDecimal score, DebriefGrade grade,
                         List<Grade> grades, int version, boolean owner) {
    }

    /** {@code GET /api/v1/debriefs}: the rounds the caller runs and the reports in the caller's scope. */
    public record Listing(List<Round> rounds, List<Report> reports) {
    }

    /** One round with all its reports (the owner's board). */
    public record Board(Round round, List<Report> reports) {
    }
}
