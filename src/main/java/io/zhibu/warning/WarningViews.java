package io.zhibu.warning;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Views of the warning module (API bodies and page models). */
public final class WarningViews {
    private WarningViews() {
    }

    /** Status of a warning: open, acknowledged (still open), closed by itself. */
    public enum Status {
        OPEN, ACKNOWLEDGED, CLOSED
    }

    public record Warning(long id, String rule, String ruleRef, long orgId, String orgName, Long memberId,
                          String subjectName, String level, Severity severity, LocalDate dueOn, String detail,
                          Status status, LocalDate openedOn, OffsetDateTime acknowledgedAt, String acknowledgedBy,
                          String ackNote, LocalDate closedOn, boolean forBranch, boolean forUpper, int version) {
    }

    public record HistoryEntry(String type, String fromLevel, String toLevel, LocalDate onDate, String actor,
                               String note, OffsetDateTime at) {
    }

    public record Detail(Warning warning, List<HistoryEntry> history) {
    }

    /** Open warnings of a subtree per rule and severity (what the supervision dashboards show). */
    public record RuleSeverityCount(String rule, Severity severity, long count) {
    }

    /** Warnings opened and closed in [from, to] in a subtree, per rule and severity. */
    public record PeriodCounts(long orgId, LocalDate from, LocalDate to, List<RuleSeverityCount> opened,
                               List<RuleSeverityCount> closed) {
    }

    public record Filter(Long orgId, String rule, Severity minSeverity, Status status) {
    }

    public record AckForm(Integer version, String note) {
    }

    /** One sweep run, with its progress while it runs. */
    public record SweepRun(long id, LocalDate onDate, String trigger, String startedBy, String status, String stage,
                           int candidates, int opened, int changed, int closed, String failedRules,
                           OffsetDateTime startedAt, OffsetDateTime finishedAt, Long millis) {
    }

    public record SweepForm(LocalDate date) {
    }

    public record Message(long id, String kind, Long warningId, String title, String body, OffsetDateTime createdAt,
                          boolean read) {
    }

    public record ContactForm(String email, String mobile, String wechatOpenId, Boolean digest) {
    }

    public record Contact(String email, String mobile, String wechatOpenId, boolean digest) {
    }

    public record Todo(String kind, String title, LocalDate dueOn, Severity severity, String href, Long orgId) {
    }

    /** A section of the to-do page: one kind of task (a warning rule, dues, make-up study, …) and its items. */
    public record TodoGroup(String kind, String heading, List<Todo> items) {
    }
}
