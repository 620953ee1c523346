package io.zhibu.development;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Every gate of rules.md §2 with its numbers and boundary dates. */
class DevelopmentRulesTest {
    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void r2_1_applicantIsEighteenOnTheApplicationDate() {
        assertThat(DevelopmentRules.oldEnough(d("2006-05-10"), d("2024-05-10"))).isTrue();  // exactly 18
        assertThat(DevelopmentRules.oldEnough(d("2006-05-10"), d("2024-05-09"))).isFalse(); // 1 day short
        // born 29 Feb: the 18th birthday is 28 Feb in a common year (R2.4)
        assertThat(DevelopmentRules.oldEnough(d("2004-02-29"), d("2022-02-28"))).isTrue();
        assertThat(DevelopmentRules.oldEnough(d("2004-02-29"), d("2022-02-27"))).isFalse();
    }

    @Test
    void step2_talkWithinOneCalendarMonth_monthEnd() {
        assertThat(DevelopmentRules.talkDue(d("2024-03-15"))).isEqualTo(d("2024-04-15"));
        assertThat(DevelopmentRules.talkDue(d("2023-01-31"))).isEqualTo(d("2023-02-28")); // R2.4 month end
        assertThat(DevelopmentRules.talkDue(d("2024-01-31"))).isEqualTo(d("2024-02-29"));
    }

    @Test
    void step7_activistCultivatedAtLeastOneYear() {
        LocalDate activist = d("2023-03-01");
        assertThat(DevelopmentRules.cultivatedOneYear(activist, d("2024-03-01"))).isTrue();  // exactly 1 year
        assertThat(DevelopmentRules.cultivatedOneYear(activist, d("2024-02-29"))).isFalse(); // 1 day short
        // 29 Feb + 1 year = 28 Feb (R2.4)
        assertThat(DevelopmentRules.earliestTarget(d("2024-02-29"))).isEqualTo(d("2025-02-28"));
        assertThat(DevelopmentRules.cultivatedOneYear(d("2024-02-29"), d("2025-02-28"))).isTrue();
        assertThat(DevelopmentRules.cultivatedOneYear(d("2024-02-29"), d("2025-02-27"))).isFalse();
    }

    @Test
    void step6_reviewsEverySixMonths() {
        assertThat(DevelopmentRules.nextReviewDue(d("2023-08-31"))).isEqualTo(d("2024-02-29"));
        assertThat(DevelopmentRules.nextReviewDue(d("2023-03-01"))).isEqualTo(d("2023-09-01"));
    }

    @Test
    void step5_oneOrTwoFullMembersAsContacts() {
        assertThat(DevelopmentRules.contactsOk(0, true)).isFalse();
        assertThat(DevelopmentRules.contactsOk(1, true)).isTrue();
        assertThat(DevelopmentRules.contactsOk(2, true)).isTrue();
        assertThat(DevelopmentRules.contactsOk(3, true)).isFalse();
        assertThat(DevelopmentRules.contactsOk(2, false)).isFalse();
    }

    @Test
    void step9_exactlyTwoSponsorsInGoodStanding() {
        assertThat(DevelopmentRules.sponsorsOk(1, true)).isFalse();
        assertThat(DevelopmentRules.sponsorsOk(2, true)).isTrue();
        assertThat(DevelopmentRules.sponsorsOk(3, true)).isFalse();
        assertThat(DevelopmentRules.sponsorsOk(2, false)).as("a probationary or suspended sponsor").isFalse();
    }

    @Test
    void step11_threeDaysOrTwentyFourHoursOrRecordedException() {
        assertThat(DevelopmentRules.trainingOk(3, 0, false)).isTrue();
        assertThat(DevelopmentRules.trainingOk(0, 24, false)).isTrue();
        assertThat(DevelopmentRules.trainingOk(2, 23, false)).isFalse();
        assertThat(DevelopmentRules.trainingOk(2, 23, true)).isTrue();
    }

    @Test
    void r2_9_quorumAndMajorityOfTheBranchMeeting() {
        assertThat(DevelopmentRules.quorum(10, 5)).isFalse(); // exactly half is not more than half
        assertThat(DevelopmentRules.quorum(10, 6)).isTrue();
        assertThat(DevelopmentRules.quorum(9, 5)).isTrue();
        assertThat(DevelopmentRules.passes(10, 5, 0)).isFalse();
        assertThat(DevelopmentRules.passes(10, 6, 0)).isTrue();
        assertThat(DevelopmentRules.passes(10, 5, 1)).as("written opinions of absent members count").isTrue();
    }

    @Test
    void r2_8_r2_10_probationYearFromTheBranchMeeting() {
        LocalDate meeting = d("2024-02-29");
        assertThat(DevelopmentRules.probationEnd(meeting, 0)).isEqualTo(d("2025-02-28"));
        assertThat(DevelopmentRules.conversionAllowed(meeting, 0, d("2025-02-28"))).isTrue();
        assertThat(DevelopmentRules.conversionAllowed(meeting, 0, d("2025-02-27"))).isFalse();
        assertThat(DevelopmentRules.probationEnd(d("2023-07-01"), 6)).isEqualTo(d("2025-01-01"));
        assertThat(DevelopmentRules.conversionAllowed(d("2023-07-01"), 6, d("2024-12-31"))).isFalse();
    }

    @Test
    void r2_11_extensionOnceOnlySixToTwelveMonths() {
        assertThat(DevelopmentRules.extensionOk(0, 5)).isFalse();
        assertThat(DevelopmentRules.extensionOk(0, 6)).isTrue();
        assertThat(DevelopmentRules.extensionOk(0, 12)).isTrue();
        assertThat(DevelopmentRules.extensionOk(0, 13)).isFalse();
        assertThat(DevelopmentRules.extensionOk(6, 6)).as("second extension").isFalse();
    }

    @Test
    void step17_approvalWithinThreeAtMostSixMonths() {
        assertThat(DevelopmentRules.approvalDue(d("2024-08-31"))).isEqualTo(d("2024-11-30"));
        assertThat(DevelopmentRules.approvalLatest(d("2024-08-31"))).isEqualTo(d("2025-02-28"));
    }

    @Test
    void r2_12_eachStepOnOrAfterItsPredecessor() {
        assertThat(DevelopmentRules.inOrder(d("2024-01-10"), d("2024-01-10"))).isTrue();
        assertThat(DevelopmentRules.inOrder(d("2024-01-10"), d("2024-01-09"))).isFalse();
        assertThat(DevelopmentRules.inOrder(null, d("2024-01-09"))).isTrue();
    }
}
