package io.zhibu.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.assessment.WeakLaxRules.BranchSignals;
import io.zhibu.assessment.WeakLaxRules.Signal;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** 软弱涣散 candidate rules (rules.md §8.2) against their boundaries. */
class WeakLaxRulesTest {
    private static BranchSignals b(Integer stars, boolean veto, Integer rank, Integer last, int size, int vacant, String sat) {
        return new BranchSignals(stars, veto, rank, last, size, vacant, sat == null ? null : new BigDecimal(sat));
    }

    @Test
    void aHealthyBranchIsNoCandidate() {
        assertThat(WeakLaxRules.signals(b(4, false, 3, 10, 10, 0, "90"))).isEmpty();
        // no result, no survey: nothing to say
        assertThat(WeakLaxRules.signals(b(null, false, null, null, 0, 0, null))).isEmpty();
    }

    @Test
    void noStarAndVeto() {
        assertThat(WeakLaxRules.signals(b(0, false, 2, 10, 10, 0, null))).containsExactly(Signal.NO_STAR);
        assertThat(WeakLaxRules.signals(b(0, true, 2, 10, 10, 0, null))).containsExactly(Signal.NO_STAR, Signal.VETO);
    }

    @Test
    void secretaryVacantMoreThanThreeMonths() {
        assertThat(WeakLaxRules.signals(b(3, false, 1, 5, 5, 3, null))).isEmpty();
        assertThat(WeakLaxRules.signals(b(3, false, 1, 5, 5, 4, null))).containsExactly(Signal.SECRETARY_VACANT);
    }

    @Test
    void lastPlaceOnlyAmongSeveral() {
        assertThat(WeakLaxRules.signals(b(3, false, 10, 10, 10, 0, null))).containsExactly(Signal.LAST_PLACE);
        // ties share the last rank
        assertThat(WeakLaxRules.signals(b(3, false, 9, 9, 10, 0, null))).containsExactly(Signal.LAST_PLACE);
        // a campaign of one branch has no last place
        assertThat(WeakLaxRules.signals(b(3, false, 1, 1, 1, 0, null))).isEmpty();
    }

    @Test
    void satisfactionBelowSixty() {
        assertThat(WeakLaxRules.signals(b(3, false, 1, 5, 5, 0, "60.0"))).isEmpty();
        assertThat(WeakLaxRules.signals(b(3, false, 1, 5, 5, 0, "59.9"))).containsExactly(Signal.LOW_SATISFACTION);
    }

    @Test
    void allAtOnce() {
        assertThat(WeakLaxRules.signals(b(0, true, 7, 7, 7, 12, "20"))).containsExactly(Signal.NO_STAR, Signal.VETO,
                Signal.SECRETARY_VACANT, Signal.LAST_PLACE, Signal.LOW_SATISFACTION);
    }

    @Test
    @org.junit.jupiter.api.DisplayName("rules.md §8.1/§8.2 (Qingshen: 不定星级 → 软弱涣散, 次年集中整顿): the rectification year follows the assessed year")
    void rectificationYearIsTheYearAfterTheAssessedYear() {
        // from an assessment of 2025: assessed 2025, rectified 2026 (before: one year only, recorded as the assessed one)
        assertThat(WeakLaxRules.defaultRectifyYear(2025, true)).isEqualTo(2026);
        // found during 2026 without an assessment (e.g. the secretary's long vacancy): rectified the same year
        assertThat(WeakLaxRules.defaultRectifyYear(2026, false)).isEqualTo(2026);
        assertThat(WeakLaxRules.validRectifyYear(2025, 2025)).isTrue();
        assertThat(WeakLaxRules.validRectifyYear(2025, 2026)).isTrue();
        assertThat(WeakLaxRules.validRectifyYear(2025, 2024)).isFalse();
        assertThat(WeakLaxRules.validRectifyYear(2025, 2027)).isFalse();
    }
}
