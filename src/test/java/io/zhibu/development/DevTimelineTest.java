package io.zhibu.development;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.development.DevTimeline.Done;
import io.zhibu.development.DevTimeline.Due;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The state machine and every deadline rule of R2.12 with rules.md numbers (R2.4 month-end arithmetic). */
class DevTimelineTest {
    private static final DevelopmentProperties PROPS = DevelopmentProperties.defaults();

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    private static DevTimeline t(DevState state, Done... steps) {
        return new DevTimeline(List.of(steps), state, 1, 0, PROPS);
    }

    private static Done s(int no, String date) {
        return new Done(no, 1, d(date), null, null);
    }

    private static Due due(DevTimeline t, String kind) {
        return t.deadlines().stream().filter(x -> x.kind().equals(kind)).findFirst().orElse(null);
    }

    /** Steps 1..n done, one month apart from 2020-01-31 (month-end arithmetic). */
    private static List<Done> upTo(int n) {
        List<Done> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(new Done(i, 1, d("2020-01-31").plusMonths(i - 1), null, null));
        }
        return out;
    }

    @Test
    void stepTableHasTwentyFiveStepsInFiveStages() {
        assertThat(DevStep.values()).hasSize(25);
        assertThat(DevStep.of(7).stage()).isEqualTo(3);
        assertThat(DevStep.of(12).stage()).isEqualTo(4);
        assertThat(DevStep.of(19).stage()).isEqualTo(5);
        for (DevStep s : DevStep.values()) {
            assertThat(s.no()).isEqualTo(s.ordinal() + 1);
        }
    }

    @Test
    void nextStepFollowsTheTableAndReviewsRepeat() {
        assertThat(t(DevState.APPLICANT, s(1, "2024-01-31")).next()).isEqualTo(2);
        DevTimeline activist = new DevTimeline(upTo(6), DevState.ACTIVIST, 1, 0, PROPS);
        assertThat(activist.next()).isEqualTo(7);
        assertThat(activist.repeatable()).containsExactly(6);
        assertThat(activist.roundFor(6)).isEqualTo(2);
        assertThat(t(DevState.TERMINATED, s(1, "2024-01-31")).next()).isZero();
    }

    @Test
    void talkDueOneMonthAfterApplication_monthEnd() {
        Due talk = due(t(DevState.APPLICANT, s(1, "2024-01-31")), "TALK");
        assertThat(talk.dueOn()).isEqualTo(d("2024-02-29"));
    }

    @Test
    void activistReviewsEverySixMonthsFromTheLastReview() {
        DevTimeline a = t(DevState.ACTIVIST, s(1, "2023-01-10"), s(2, "2023-01-20"), s(3, "2023-03-31"));
        assertThat(due(a, "ACTIVIST_REVIEW").dueOn()).isEqualTo(d("2023-09-30"));
        DevTimeline b = t(DevState.ACTIVIST, s(1, "2023-01-10"), s(2, "2023-01-20"), s(3, "2023-03-31"),
                s(4, "2023-04-01"), s(5, "2023-04-02"), s(6, "2023-08-31"));
        assertThat(due(b, "ACTIVIST_REVIEW").dueOn()).isEqualTo(d("2024-02-29"));
        assertThat(due(b, "TARGET_ELIGIBLE").dueOn()).isEqualTo(d("2024-03-31"));
    }

    @Test
    void branchMeetingWithinOneMonthOfPreReview() {
        DevTimeline x = new DevTimeline(upTo(14), DevState.TARGET, 1, 0, PROPS);
        LocalDate preReview = d("2020-01-31").plusMonths(12);
        assertThat(due(x, "BRANCH_MEETING").dueOn()).isEqualTo(preReview.plusMonths(1));
        DevelopmentProperties two = new DevelopmentProperties(null, null, 2, null, null, null, null, null);
        assertThat(new DevTimeline(upTo(14), DevState.TARGET, 1, 0, two).due(15)).isEqualTo(preReview.plusMonths(2));
    }

    @Test
    void approvalWithinThreeMaxSixMonthsOfTheBranchMeeting() {
        List<Done> steps = new ArrayList<>(upTo(14));
        steps.add(s(15, "2024-08-31"));
        Due approval = due(new DevTimeline(steps, DevState.TARGET, 1, 0, PROPS), "APPROVAL");
        assertThat(approval.dueOn()).isEqualTo(d("2024-11-30"));
        assertThat(approval.latestOn()).isEqualTo(d("2025-02-28"));
    }

    @Test
    void oathProbationEndAndConversionApproval() {
        List<Done> steps = new ArrayList<>(upTo(14));
        steps.add(s(15, "2024-02-29"));
        steps.add(s(16, "2024-03-10"));
        steps.add(s(17, "2024-03-31"));
        DevTimeline p = new DevTimeline(steps, DevState.PROBATIONARY, 1, 0, PROPS);
        assertThat(due(p, "OATH").dueOn()).isEqualTo(d("2024-04-30"));
        assertThat(due(p, "PROBATION_END").dueOn()).isEqualTo(d("2025-02-28")); // R2.8 from the meeting
        assertThat(due(p, "PROBATION_REVIEW").dueOn()).isEqualTo(d("2024-09-30"));
        DevTimeline extended = new DevTimeline(steps, DevState.PROBATIONARY, 2, 6, PROPS);
        assertThat(extended.probationEnd()).isEqualTo(d("2025-08-29"));
        for (int i = 18; i <= 22; i++) {
            steps.add(s(i, "2025-03-01"));
        }
        steps.add(s(23, "2025-03-05"));
        DevTimeline conv = new DevTimeline(steps, DevState.PROBATIONARY, 1, 0, PROPS);
        assertThat(conv.next()).isEqualTo(24);
        assertThat(due(conv, "CONVERSION_APPROVAL").dueOn()).isEqualTo(d("2025-06-05"));
        // after an extension the conversion meeting runs again (round 2)
        assertThat(new DevTimeline(steps, DevState.PROBATIONARY, 2, 6, PROPS).next()).isEqualTo(23);
    }

    @Test
    void deadlinesShowBeforeTheyAreDueAndWarnAfter() {
        Due talk = new Due("TALK", 2, d("2024-02-29"), null);
        assertThat(DevTimeline.status(talk, d("2024-01-29"), 30)).isEqualTo(DevelopmentModel.DeadlineStatus.UPCOMING);
        assertThat(DevTimeline.status(talk, d("2024-01-30"), 30)).isEqualTo(DevelopmentModel.DeadlineStatus.DUE_SOON);
        assertThat(DevTimeline.status(talk, d("2024-02-29"), 30)).isEqualTo(DevelopmentModel.DeadlineStatus.DUE_SOON);
        assertThat(DevTimeline.status(talk, d("2024-03-01"), 30)).isEqualTo(DevelopmentModel.DeadlineStatus.OVERDUE);
        Due eligible = new Due("TARGET_ELIGIBLE", 7, d("2024-02-29"), null);
        assertThat(DevTimeline.status(eligible, d("2024-06-01"), 30)).isEqualTo(DevelopmentModel.DeadlineStatus.DUE_SOON);
    }

    @Test
    void theLastStepIsTwentyFiveAndAFinishedFileOwesNothing() {
        DevTimeline before = new DevTimeline(upTo(24), DevState.PROBATIONARY, 1, 0, PROPS);
        assertThat(before.next()).isEqualTo(25);
        assertThat(before.deadlines()).isEmpty(); // step 25 (filing) carries no R2.12 timer
        DevTimeline done = new DevTimeline(upTo(25), DevState.FULL, 1, 0, PROPS);
        assertThat(done.next()).isZero();
        assertThat(done.deadlines()).isEmpty();
        assertThat(done.repeatable()).isEmpty();
        assertThat(done.lastDate()).isEqualTo(d("2020-01-31").plusMonths(24));
        assertThat(new DevTimeline(List.of(), DevState.APPLICANT, 1, 0, PROPS).lastDate()).isNull();
    }

    @Test
    void decisionsAndExtensionsComeFromTheLatestRoundOfTheCurrentConversion() {
        List<Done> steps = new ArrayList<>(upTo(22));
        steps.add(new Done(23, 1, d("2021-12-01"), Decision.EXTEND, 6));
        steps.add(new Done(6, 1, d("2020-06-30"), Decision.NOT_QUALIFIED, null));
        steps.add(new Done(6, 2, d("2020-07-31"), Decision.QUALIFIED, null));
        DevTimeline round1 = new DevTimeline(steps, DevState.PROBATIONARY, 1, 6, PROPS);
        assertThat(round1.decision(23)).isEqualTo(Decision.EXTEND);
        assertThat(round1.extensionOf(23)).isEqualTo(6);
        assertThat(round1.decision(6)).isEqualTo(Decision.QUALIFIED);
        assertThat(round1.decision(24)).isNull();
        assertThat(round1.extensionOf(21)).isZero();
        // in the second conversion round the first round's meeting no longer counts
        DevTimeline round2 = new DevTimeline(steps, DevState.PROBATIONARY, 2, 6, PROPS);
        assertThat(round2.decision(23)).isNull();
        assertThat(round2.extensionOf(23)).isZero();
        assertThat(round2.roundFor(23)).isEqualTo(2);
        assertThat(round2.roundFor(6)).isEqualTo(4); // three records of step 6 so far (upTo + two) → the fourth
        assertThat(round2.roundFor(1)).isEqualTo(1);
    }

    @Test
    void probationReviewsRepeatOnlyWhileProbationaryAndBeforeTheConversionMeeting() {
        List<Done> steps = new ArrayList<>(upTo(21));
        assertThat(new DevTimeline(steps, DevState.PROBATIONARY, 1, 0, PROPS).repeatable()).containsExactly(21);
        assertThat(new DevTimeline(steps, DevState.FULL, 1, 0, PROPS).repeatable()).isEmpty();
        assertThat(new DevTimeline(upTo(20), DevState.PROBATIONARY, 1, 0, PROPS).repeatable()).isEmpty();
        steps.add(s(22, "2022-01-01"));
        steps.add(s(23, "2022-01-02"));
        assertThat(new DevTimeline(steps, DevState.PROBATIONARY, 1, 0, PROPS).repeatable()).isEmpty();
        assertThat(new DevTimeline(upTo(6), DevState.CANCELLED, 1, 0, PROPS).repeatable()).isEmpty();
    }

    @Test
    void earliestDatesAreTheActivistYearAndTheProbationEnd() {
        DevTimeline a = t(DevState.ACTIVIST, s(1, "2023-01-10"), s(2, "2023-01-20"), s(3, "2023-02-28"));
        assertThat(a.earliest(7)).isEqualTo(d("2024-02-28"));
        assertThat(a.earliest(5)).isNull();
        assertThat(t(DevState.APPLICANT, s(1, "2023-01-10")).earliest(7)).isNull();
        List<Done> steps = new ArrayList<>(upTo(14));
        steps.add(s(15, "2024-02-29"));
        assertThat(new DevTimeline(steps, DevState.PROBATIONARY, 1, 0, PROPS).earliest(23)).isEqualTo(d("2025-02-28"));
        assertThat(new DevTimeline(upTo(14), DevState.TARGET, 1, 0, PROPS).earliest(23)).isNull();
    }

    @Test
    void theWholeDeadlineListAtEachStage() {
        // after the higher committee's pre-review of the branch meeting (step 16 done) the approval is due
        List<Done> steps = new ArrayList<>(upTo(14));
        steps.add(s(15, "2024-08-31"));
        steps.add(s(16, "2024-09-10"));
        DevTimeline waiting = new DevTimeline(steps, DevState.TARGET, 1, 0, PROPS);
        assertThat(waiting.next()).isEqualTo(17);
        assertThat(waiting.deadlines()).containsExactly(new Due("APPROVAL", 17, d("2024-11-30"), d("2025-02-28")));
        // an applicant: only the talk
        assertThat(t(DevState.APPLICANT, s(1, "2024-01-31")).deadlines())
                .containsExactly(new Due("TALK", 2, d("2024-02-29"), null));
        // an activist after the sixth step: the next review and the date the target step becomes possible
        DevTimeline activist = new DevTimeline(upTo(6), DevState.ACTIVIST, 1, 0, PROPS);
        assertThat(activist.deadlines()).containsExactly(
                new Due("ACTIVIST_REVIEW", 6, d("2020-12-30"), null), // 30 June + 6 months (R2.4)
                new Due("TARGET_ELIGIBLE", 7, d("2021-03-31"), null));
        // a probationary member after the oath: the review and the end of probation
        List<Done> p = new ArrayList<>(upTo(14));
        p.add(s(15, "2024-02-29"));
        p.add(s(16, "2024-03-10"));
        p.add(s(17, "2024-03-31"));
        p.add(s(18, "2024-04-10"));
        p.add(s(19, "2024-04-11"));
        p.add(s(20, "2024-04-12"));
        assertThat(new DevTimeline(p, DevState.PROBATIONARY, 1, 0, PROPS).deadlines()).containsExactly(
                new Due("PROBATION_REVIEW", 21, d("2024-09-30"), null),
                new Due("PROBATION_END", 23, d("2025-02-28"), null));
    }
}
