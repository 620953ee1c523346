package io.zhibu.development;

import io.zhibu.shared.PartyCalendar;
import io.zhibu.shared.VoteArithmetic;
import java.time.LocalDate;

/**
 * The gates of rules.md §2 (R2.1–R2.12), each in one place with its rule id. Pure functions: the service turns a
 * {@code false} into a refusal whose message cites the rule.
 */
public final class DevelopmentRules {
    /** R2.12 / art.17: 集中培训 at least 3 days or 24 学时. */
    public static final int TRAINING_DAYS = 3;
    public static final int TRAINING_HOURS = 24;
    /** R2.11: an extension lasts 6–12 months. */
    public static final int EXTENSION_MIN = 6;
    public static final int EXTENSION_MAX = 12;
    /** Step 17 / art.25: approval within 3 months of the branch resolution, special cases at most 6. */
    public static final int APPROVAL_MONTHS = 3;
    public static final int APPROVAL_MAX_MONTHS = 6;

    private DevelopmentRules() {
    }

    /** R2.1: at least 18 on the application date (birth date from the ID number, R2.4 arithmetic for 29 Feb). */
    public static boolean oldEnough(LocalDate birthDate, LocalDate appliedOn) {
        return !appliedOn.isBefore(birthDate.plusYears(18));
    }

    /** R2.12 / art.7: the talk is due within 1 calendar month of receiving the application (R2.4). */
    public static LocalDate talkDue(LocalDate appliedOn) {
        return PartyCalendar.plusMonths(appliedOn, 1);
    }

    /** Step 7 / art.13 (R2.12): a development target after at least 1 year of cultivation as an activist. */
    public static LocalDate earliestTarget(LocalDate activistOn) {
        return PartyCalendar.plusMonths(activistOn, 12);
    }

    public static boolean cultivatedOneYear(LocalDate activistOn, LocalDate targetOn) {
        return !targetOn.isBefore(earliestTarget(activistOn));
    }

    /** Step 6 / art.11: the branch reviews an activist every 6 months. */
    public static LocalDate nextReviewDue(LocalDate lastReviewOrStart) {
        return PartyCalendar.plusMonths(lastReviewOrStart, 6);
    }

    /** Step 5 / art.9: 1–2 培养联系人, all 正式党员. */
    public static boolean contactsOk(int count, boolean allFullInGoodStanding) {
        return count >= 1 && count <= 2 && allFullInGoodStanding;
    }

    /** Step 9 / art.14: exactly 2 入党介绍人, full members in good standing (not 预备党员, not suspended). */
    public static boolean sponsorsOk(int count, boolean allFullInGoodStanding) {
        return count == 2 && allFullInGoodStanding;
    }

    /** Step 11 / art.17: ≥3 days or ≥24 hours; otherwise only as a recorded "个别特殊情况" with reason and approver. */
    public static boolean trainingOk(int days, int hours, boolean exceptionRecorded) {
        return days >= TRAINING_DAYS || hours >= TRAINING_HOURS || exceptionRecorded;
    }

    /** R2.9: the branch meeting is valid if voting members present exceed half of those due. */
    public static boolean quorum(int votingDue, int votingPresent) {
        return VoteArithmetic.admissionQuorum(votingDue, votingPresent);
    }

    /** R2.9: passes with yes votes (incl. written opinions of absent voting members) over half of those due. */
    public static boolean passes(int votingDue, int yesPresent, int yesWritten) {
        return VoteArithmetic.admissionPasses(votingDue, yesPresent, yesWritten);
    }

    /** R2.8/R2.10: probation ends 1 year (+ extension) after the branch-meeting resolution; 党龄 starts then. */
    public static LocalDate probationEnd(LocalDate branchMeetingOn, int extensionMonths) {
        return PartyCalendar.fullMemberDate(branchMeetingOn, extensionMonths);
    }

    /** R2.8/R2.10: no conversion before the probation year (with any extension) has ended. */
    public static boolean conversionAllowed(LocalDate branchMeetingOn, int extensionMonths, LocalDate meetingOn) {
        return !meetingOn.isBefore(probationEnd(branchMeetingOn, extensionMonths));
    }

    /** R2.11: once only, 6–12 months. */
    public static boolean extensionOk(int alreadyExtendedMonths, int months) {
        return alreadyExtendedMonths == 0 && months >= EXTENSION_MIN && months <= EXTENSION_MAX;
    }

    /** Step 17 / art.25: due 3 months after the branch resolution. */
    public static LocalDate approvalDue(LocalDate branchMeetingOn) {
        return PartyCalendar.plusMonths(branchMeetingOn, APPROVAL_MONTHS);
    }

    /** Step 17 / art.25: special cases at most 6 months after the branch resolution. */
    public static LocalDate approvalLatest(LocalDate branchMeetingOn) {
        return PartyCalendar.plusMonths(branchMeetingOn, APPROVAL_MAX_MONTHS);
    }

    /** R2.12: each step is dated on or after its predecessor. */
    public static boolean inOrder(LocalDate predecessorOn, LocalDate on) {
        return predecessorOn == null || !on.isBefore(predecessorOn);
    }
}
