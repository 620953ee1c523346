package io.zhibu.assessment;

import static io.zhibu.assessment.FiveGoodStatus.Action.AWARD;
import static io.zhibu.assessment.FiveGoodStatus.Action.PASS;
import static io.zhibu.assessment.FiveGoodStatus.Action.REJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The 五好 application state machine: 申报 → 审核 (pass / reject) → 命名 (award). */
class FiveGoodStatusTest {
    @Test
    void appliedIsReviewedThenAwarded() {
        assertThat(FiveGoodStatus.APPLIED.next(PASS)).isEqualTo(FiveGoodStatus.PASSED);
        assertThat(FiveGoodStatus.PASSED.next(AWARD)).isEqualTo(FiveGoodStatus.AWARDED);
        assertThat(FiveGoodStatus.APPLIED.next(REJECT)).isEqualTo(FiveGoodStatus.REJECTED);
        assertThat(FiveGoodStatus.PASSED.next(REJECT)).isEqualTo(FiveGoodStatus.REJECTED);
    }

    @Test
    void awardNeedsAPassedReviewAndFinalStatusesStay() {
        assertThatThrownBy(() -> FiveGoodStatus.APPLIED.next(AWARD)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> FiveGoodStatus.PASSED.next(PASS)).isInstanceOf(IllegalStateException.class);
        for (FiveGoodStatus s : Set.of(FiveGoodStatus.REJECTED, FiveGoodStatus.AWARDED)) {
            for (FiveGoodStatus.Action a : FiveGoodStatus.Action.values()) {
                assertThatThrownBy(() -> s.next(a)).isInstanceOf(IllegalStateException.class);
            }
            assertThat(s.allowed()).isEmpty();
        }
    }

    @Test
    void allowedMatchesNext() {
        for (FiveGoodStatus s : FiveGoodStatus.values()) {
            for (FiveGoodStatus.Action a : FiveGoodStatus.Action.values()) {
                boolean ok;
                try {
                    s.next(a);
                    ok = true;
                } catch (IllegalStateException e) {
                    ok = false;
                }
                assertThat(s.allowed().contains(a)).as(s + " " + a).isEqualTo(ok);
            }
        }
        assertThat(FiveGoodStatus.REJECTED.standing()).isFalse();
        assertThat(FiveGoodStatus.AWARDED.standing()).isTrue();
        assertThat(FiveGoodStatus.REJECTED.checkable()).isFalse();
    }
}
