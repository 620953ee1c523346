package io.zhibu.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.meeting.FourDeliberationsRules.Done;
import io.zhibu.meeting.FourDeliberationsRules.MatterStatus;
import io.zhibu.org.OrgDomain;
import io.zhibu.org.OrgType;
import io.zhibu.shared.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** rules.md §1.5 四议两公开: six steps in order, dates never going back, publications are not meetings. */
class FourDeliberationsRulesTest {
    static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

    @Test
    void theSixStepsGoInTheReportsOrder() {
        assertThat(DeliberationStep.values()).containsExactly(DeliberationStep.PROPOSE, DeliberationStep.CONSULT,
                DeliberationStep.REVIEW, DeliberationStep.RESOLVE, DeliberationStep.PUBLISH_RESOLUTION,
                DeliberationStep.PUBLISH_RESULT);
        List<Done> done = new ArrayList<>();
        LocalDate day = LocalDate.of(2026, 3, 1);
        for (DeliberationStep s : DeliberationStep.values()) {
            assertThat(FourDeliberationsRules.next(done)).isEqualTo(s);
            assertThat(FourDeliberationsRules.status(done)).isEqualTo(MatterStatus.IN_PROGRESS);
            assertThat(FourDeliberationsRules.check(done, s, day, TODAY)).isEmpty();
            done.add(new Done(s, day));
            day = day.plusDays(7);
        }
        assertThat(FourDeliberationsRules.next(done)).isNull();
        assertThat(FourDeliberationsRules.status(done)).isEqualTo(MatterStatus.COMPLETED);
        assertThat(codes(FourDeliberationsRules.check(done, DeliberationStep.PUBLISH_RESULT, TODAY, TODAY)))
                .containsExactly("step:deliberation.step.complete");
    }

    @Test
    void aStepOutOfOrderNamesTheExpectedOne() {
        List<Violation> v = FourDeliberationsRules.check(List.of(), DeliberationStep.REVIEW, TODAY, TODAY);
        assertThat(codes(v)).containsExactly("step:deliberation.step.order");
        assertThat(v.getFirst().args()).containsExactly(1);
        List<Done> two = List.of(new Done(DeliberationStep.PROPOSE, TODAY), new Done(DeliberationStep.CONSULT, TODAY));
        // a step already recorded cannot be recorded again, nor can one be skipped
        assertThat(FourDeliberationsRules.check(two, DeliberationStep.CONSULT, TODAY, TODAY).getFirst().args()).containsExactly(3);
        assertThat(FourDeliberationsRules.check(two, DeliberationStep.RESOLVE, TODAY, TODAY).getFirst().args()).containsExactly(3);
    }

    @Test
    void datesNeverGoBackNorIntoTheFuture() {
        List<Done> one = List.of(new Done(DeliberationStep.PROPOSE, LocalDate.of(2026, 5, 10)));
        assertThat(codes(FourDeliberationsRules.check(one, DeliberationStep.CONSULT, LocalDate.of(2026, 5, 9), TODAY)))
                .containsExactly("heldOn:deliberation.step.beforePrevious");
        assertThat(FourDeliberationsRules.check(one, DeliberationStep.CONSULT, LocalDate.of(2026, 5, 10), TODAY)).isEmpty();
        assertThat(codes(FourDeliberationsRules.check(one, DeliberationStep.CONSULT, TODAY.plusDays(1), TODAY)))
                .containsExactly("heldOn:deliberation.step.future");
        assertThat(codes(FourDeliberationsRules.check(one, null, null, TODAY)))
                .containsExactly("step:validation.required", "heldOn:validation.required");
    }

    @Test
    void meetingsStandForMeetingStepsOnly() {
        assertThat(FourDeliberationsRules.publication(DeliberationStep.PUBLISH_RESOLUTION)).isTrue();
        assertThat(FourDeliberationsRules.publication(DeliberationStep.PUBLISH_RESULT)).isTrue();
        assertThat(FourDeliberationsRules.publication(DeliberationStep.RESOLVE)).isFalse();
        assertThat(FourDeliberationsRules.meetingFits(DeliberationStep.PROPOSE, EnumSet.of(MeetingType.COMMITTEE), null)).isTrue();
        assertThat(FourDeliberationsRules.meetingFits(DeliberationStep.REVIEW, EnumSet.of(MeetingType.BRANCH_ASSEMBLY), null)).isTrue();
        assertThat(FourDeliberationsRules.meetingFits(DeliberationStep.REVIEW, EnumSet.of(MeetingType.COMMITTEE), null)).isFalse();
        assertThat(FourDeliberationsRules.meetingFits(DeliberationStep.CONSULT,
                EnumSet.of(MeetingType.FOUR_DELIBERATIONS), DeliberationStep.CONSULT)).isTrue();
        assertThat(FourDeliberationsRules.meetingFits(DeliberationStep.CONSULT,
                EnumSet.of(MeetingType.FOUR_DELIBERATIONS), DeliberationStep.RESOLVE)).isFalse();
        assertThat(FourDeliberationsRules.meetingFits(DeliberationStep.PUBLISH_RESULT,
                EnumSet.of(MeetingType.FOUR_DELIBERATIONS), DeliberationStep.PUBLISH_RESULT)).isFalse();
    }

    @Test
    void villagesAndTheRate() {
        assertThat(FourDeliberationsRules.village(OrgType.BRANCH, OrgDomain.RURAL)).isTrue();
        assertThat(FourDeliberationsRules.village(OrgType.GENERAL_BRANCH, OrgDomain.RURAL)).isTrue();
        assertThat(FourDeliberationsRules.village(OrgType.COMMITTEE, OrgDomain.RURAL)).isFalse();
        assertThat(FourDeliberationsRules.village(OrgType.BRANCH, OrgDomain.COMMUNITY)).isFalse();
        assertThat(FourDeliberationsRules.ratePerMille(3, 4)).isEqualTo(750);
        assertThat(FourDeliberationsRules.ratePerMille(0, 0)).isNull();
    }

    private static List<String> codes(List<Violation> v) {
        return v.stream().map(x -> x.field() + ":" + x.code()).toList();
    }
}
