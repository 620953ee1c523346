package io.zhibu.command;

import io.zhibu.org.OrgType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What the project book (项目书, issue 17 point 6) API reads and takes. */
public final class ProjectViews {
    private ProjectViews() {
    }

    /**
     * A project of the caller's organization's catalogue for {@code year}. A basic project applies to every active
     * organization of type {@code appliesTo} below the caller; a key project is assigned to {@code targets} (as a
     * task's); an innovation project takes neither (organizations claim it).
     */
    public record NewProject(Integer year, String code, ProjectKind kind, String title, String goal, String standard,
                             String measures, String department, OrgType appliesTo, TaskTargets targets) {
    }

    /** 认领 / 推进计划: responsible leader, measures, milestones, deadline; {@code version} optional (409 if stale). */
    public record Plan(String leader, String measures, String milestones, LocalDate deadline, Integer version) {
    }

    /** A quarterly progress report (季度进展); {@code done}: the project is completed. */
    public record Progress(Integer quarter, String progress, Boolean done) {
    }

    /** The year-end evaluation (年终评价) of one organization's project: score 0–100 and a comment. */
    public record Evaluation(BigDecimal score, String comment) {
    }

    /** A half-year dispatch meeting (半年调度) of the caller's organization's catalogue. */
    public record NewDispatch(Integer year, LocalDate heldOn, String notes) {
    }

    /** One project with its figures inside the caller's scope; {@code myState}: the caller's own organization's. */
    public record Project(long id, int year, long orgId, String orgName, String code, ProjectKind kind, String title,
                          String goal, String standard, String measures, String department, OrgType appliesTo,
                          long carriers, long planned, long completed, long evaluated, BigDecimal averageScore,
                          ProjectState myState, boolean owner, boolean claimable) {
    }

    /** One quarterly report; the evidence is fetched from its own address. */
    public record Report(int quarter, String progress, boolean done, String fileName, LocalDate reportedOn) {
    }

    /** One organization's participation in one project. */
    public record Participation(long projectId, int year, String code, String title, ProjectKind kind, long orgId,
                                String orgName, ProjectState state, String leader, String measures, String milestones,
                                LocalDate deadline, BigDecimal score, String evaluation, List<Report> reports,
                                int version) {
    }

    /** A half-year dispatch record. */
    public record Dispatch(long id, int year, long orgId, LocalDate heldOn, String notes, String createdBy) {
    }

    /** {@code GET /api/v1/projects?year=}: the catalogue the caller sees, its own rows and the dispatch records. */
    public record Book(int year, List<Project> projects, List<Participation> mine, List<Dispatch> dispatches) {
    }

    /** One project's board: the project and the rows inside the caller's scope. */
    public record Board(Project project, List<Participation> rows) {
    }

    /** One organization's board for a year: its projects, how many completed, its total score. */
    public record OrgBoard(long orgId, String orgName, int year, List<Participation> rows, long completed,
                           BigDecimal totalScore) {
    }
}
