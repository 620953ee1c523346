package io.zhibu.warning;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of warning rules (预警规则): id (the configuration key {@code zhibu.warnings.rules.<id>}), the
 * rules.md id it implements, who must act (the branch secretary, the superior organization, the member), the
 * default severity of each level and the default thresholds. Everything but the responsibility can be configured.
 */
public enum WarningRule {
    /** R1.8 换届提醒: notice at T-6 months, warning T-3, urgent T-1, red when overdue. */
    TERM_EXPIRY("term-expiry", "R1.8", true, true, false,
            Map.of("T6", Severity.INFO, "T3", Severity.WARNING, "T1", Severity.URGENT, "OVERDUE", Severity.CRITICAL),
            Map.of("notice", 6, "warning", 3, "urgent", 1)),
    /** R1.2 支部规模: fewer than 3 full members (not a joint branch), or more than 50 members. */
    BRANCH_SIZE("branch-size", "R1.2", true, true, false,
            Map.of("UNDER_MIN", Severity.WARNING, "OVERSIZED", Severity.INFO),
            Map.of("min", 3, "max", 50)),
    /** R2.12 发展党员时限: talk, reviews, branch meeting, approvals, oath, probation end. */
    DEV_DEADLINE("dev-deadline", "R2.12", true, false, false,
            Map.of("DUE_SOON", Severity.INFO, "OVERDUE", Severity.URGENT, "PAST_LATEST", Severity.CRITICAL),
            Map.of("lead", 7)),
    /** R3.4 失联: alert at 3 months, 停止党籍 procedure at 6, 除名 at suspension + 2 years. */
    LOST_CONTACT("lost-contact", "R3.4", true, true, false,
            Map.of("ALERT", Severity.WARNING, "SUSPEND_DUE", Severity.URGENT, "EXPEL_DUE", Severity.CRITICAL),
            Map.of("alert", 3, "suspend", 6, "expel", 24)),
    /** R3.3/R3.4 留党察看 ending (≤2 years): the branch decides on restoring the rights. */
    DISCIPLINE("discipline", "R3.3", true, false, false,
            Map.of("ENDING", Severity.INFO, "ENDED", Severity.WARNING),
            Map.of("lead", 30)),
    /** R4.5 介绍信有效期: the member must report within the letter's validity. */
    TRANSFER_EXPIRY("transfer-expiry", "R4.5", true, false, false,
            Map.of("EXPIRING", Severity.WARNING, "EXPIRED", Severity.URGENT),
            Map.of("lead", 7)),
    /** R5.6 党费欠缴: reminder and talk at 3 months, 自行脱党 review at 6 consecutive months. */
    DUES_ARREARS("dues-arrears", "R5.6", true, false, true,
            Map.of("REMINDER", Severity.WARNING, "REVIEW", Severity.CRITICAL),
            Map.of("reminder", 3, "review", 6)),
    /**
     * R3.4 / R4.6 不参加组织生活: expected at meetings but took part in none for 3 months (alert) or 6 consecutive
     * months (the 自行脱党 review, a human decision).
     */
    NO_ORG_LIFE("no-org-life", "R3.4", true, true, false,
            Map.of("ALERT", Severity.WARNING, "REVIEW", Severity.CRITICAL),
            Map.of("alert", 3, "review", 6)),
    /** R1.4 书记党龄: a branch secretary (found on the branch roster) with less than 1 year as a full member. */
    SECRETARY_TENURE("secretary-tenure", "R1.4", true, true, false,
            Map.of("SHORT", Severity.WARNING),
            Map.of("years", 1)),
    /**
     * Issue 18 (rules.md §8.1, Qingshen 阵地建设不达标) 阵地不达标: a venue whose latest inspection is below the lowest
     * tier; the superior that inspected and the owner branch act. Closes when a new inspection reaches a tier.
     */
    VENUE_BELOW_STANDARD("venue-below-standard", "R8.1", true, true, false,
            Map.of("BELOW", Severity.WARNING),
            Map.of()),
    /**
     * Issue 21 point 5 (rules.md §1.5 两公开, §8.2 item 5 村务公开) 三务公开逾期: a required 党务/村务/财务 category whose
     * latest period ended more than the grace days ago ({@code zhibu.disclosure.grace-days}) has no published item.
     */
    DISCLOSURE_MISSING("disclosure-missing", "R8.2", true, true, false,
            Map.of("OVERDUE", Severity.WARNING),
            Map.of()),
    /** R6.1 三会一课: at risk 7 days before the period ends, missing after it ended. */
    MEETING_COMPLIANCE("meeting-compliance", "R6.1", true, false, false,
            Map.of("AT_RISK", Severity.WARNING, "MISSING", Severity.CRITICAL),
            Map.of("lead", 7)),
    /**
     * R8.1 (rules.md §8.1 star tiers and veto items) 无星风险: a branch in an open campaign (not yet published, or of the
     * current year) that hits a veto (VETO) or scores below the lowest star tier (BELOW); with {@code margin} &gt; 0
     * also a score less than {@code margin} points above it (NEAR). Off by default: margin 0.
     */
    NO_STAR_RISK("no-star-risk", "R8.1", true, false, false,
            Map.of("VETO", Severity.URGENT, "BELOW", Severity.WARNING, "NEAR", Severity.INFO),
            Map.of("margin", 0)),
    /**
     * Issue 17 (rule C5 of docs/modules/command.md) 任务逾期: a receiving organization has not signed for a task by
     * the receipt deadline (RECEIPT) or still owes its feedback after the task's deadline (FEEDBACK).
     */
    TASK_OVERDUE("task-overdue", "C5", true, false, false,
            Map.of("RECEIPT", Severity.WARNING, "FEEDBACK", Severity.URGENT),
            Map.of());

    private final String id;
    private final String ruleRef;
    private final boolean forBranch;
    private final boolean forUpper;
    private final boolean forMember;
    private final Map<String, Severity> severities;
    private final Map<String, Integer> thresholds;

    WarningRule(String id, String ruleRef, boolean forBranch, boolean forUpper, boolean forMember,
                Map<String, Severity> severities, Map<String, Integer> thresholds) {
        this.id = id;
        this.ruleRef = ruleRef;
        this.forBranch = forBranch;
        this.forUpper = forUpper;
        this.forMember = forMember;
        this.severities = severities;
        this.thresholds = thresholds;
    }

    public String id() {
        return id;
    }

    /** The rules.md id this rule implements, e.g. R1.8. */
    public String ruleRef() {
        return ruleRef;
    }

    /** The branch secretary (支部书记) of the organization must act. */
    public boolean forBranch() {
        return forBranch;
    }

    /** The superior organization (上级党组织) must act. */
    public boolean forUpper() {
        return forUpper;
    }

    /** The member concerned must act. */
    public boolean forMember() {
        return forMember;
    }

    public Map<String, Severity> defaultSeverities() {
        return severities;
    }

    public Map<String, Integer> defaultThresholds() {
        return thresholds;
    }

    public static Optional<WarningRule> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }
}
