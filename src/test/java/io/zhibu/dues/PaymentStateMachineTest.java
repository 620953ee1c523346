package io.zhibu.dues;

import static io.zhibu.dues.PaymentStatus.EXPIRED;
import static io.zhibu.dues.PaymentStatus.FAILED;
import static io.zhibu.dues.PaymentStatus.PENDING;
import static io.zhibu.dues.PaymentStatus.REVERSED;
import static io.zhibu.dues.PaymentStatus.SUCCEEDED;
import static io.zhibu.dues.PaymentStatus.UNAPPLIED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The dues payment lifecycle: exactly-once booking (R5.3) and the reconciliation of late money. */
class PaymentStateMachineTest {

    @Test
    void theTransitionsAreExactlyTheLifecycle() {
        Set<String> allowed = new java.util.TreeSet<>();
        for (PaymentStatus from : PaymentStatus.values()) {
            for (PaymentStatus to : PaymentStatus.values()) {
                if (PaymentStateMachine.allowed(from, to)) {
                    allowed.add(from + "->" + to);
                }
            }
        }
        assertThat(allowed).containsExactlyInAnyOrder(
                "PENDING->SUCCEEDED", "PENDING->FAILED", "PENDING->EXPIRED",
                "FAILED->SUCCEEDED", "EXPIRED->SUCCEEDED", "FAILED->UNAPPLIED", "EXPIRED->UNAPPLIED",
                "SUCCEEDED->REVERSED");
    }

    @Test
    void nothingLeavesTheFinalStatusesAndNothingBecomesPending() {
        for (PaymentStatus to : PaymentStatus.values()) {
            assertThat(PaymentStateMachine.allowed(UNAPPLIED, to)).as("UNAPPLIED -> " + to).isFalse();
            assertThat(PaymentStateMachine.allowed(REVERSED, to)).as("REVERSED -> " + to).isFalse();
        }
        assertThat(PaymentStateMachine.sources(PENDING)).isEmpty();
    }

    @Test
    void aFailureReportOnlyMovesAPendingPayment() {
        assertThat(PaymentStateMachine.onCallback(PENDING, false, true)).isEqualTo(CallbackOutcome.FAILED);
        for (PaymentStatus from : EnumSet.complementOf(EnumSet.of(PENDING))) {
            assertThat(PaymentStateMachine.onCallback(from, false, true)).as(from.name()).isEqualTo(CallbackOutcome.IGNORED);
            assertThat(PaymentStateMachine.onCallback(from, false, false)).as(from.name()).isEqualTo(CallbackOutcome.IGNORED);
        }
    }

    @Test
    void aSuccessBooksAPendingPaymentWhateverTheAccountSays() {
        assertThat(PaymentStateMachine.onCallback(PENDING, true, false)).isEqualTo(CallbackOutcome.APPLIED);
        assertThat(PaymentStateMachine.onCallback(PENDING, true, true)).isEqualTo(CallbackOutcome.APPLIED);
    }

    @ParameterizedTest
    @EnumSource(names = {"FAILED", "EXPIRED"})
    void lateMoneyIsBookedWhenStillApplicableElseKeptUnapplied(PaymentStatus from) {
        assertThat(PaymentStateMachine.late(from)).isTrue();
        assertThat(PaymentStateMachine.onCallback(from, true, true)).isEqualTo(CallbackOutcome.APPLIED);
        assertThat(PaymentStateMachine.onCallback(from, true, false)).isEqualTo(CallbackOutcome.UNAPPLIED);
    }

    @ParameterizedTest
    @EnumSource(names = {"SUCCEEDED", "UNAPPLIED", "REVERSED"})
    void aSuccessForAFinishedPaymentIsADuplicate(PaymentStatus from) {
        assertThat(PaymentStateMachine.late(from)).isFalse();
        assertThat(PaymentStateMachine.onCallback(from, true, true)).isEqualTo(CallbackOutcome.DUPLICATE);
        assertThat(PaymentStateMachine.onCallback(from, true, false)).isEqualTo(CallbackOutcome.DUPLICATE);
    }

    @Test
    void eachOutcomeLeavesTheStatusItsTransitionNames() {
        assertThat(PaymentStateMachine.after(CallbackOutcome.APPLIED)).isEqualTo(SUCCEEDED);
        assertThat(PaymentStateMachine.after(CallbackOutcome.FAILED)).isEqualTo(FAILED);
        assertThat(PaymentStateMachine.after(CallbackOutcome.UNAPPLIED)).isEqualTo(UNAPPLIED);
        assertThat(PaymentStateMachine.after(CallbackOutcome.DUPLICATE)).isNull();
        assertThat(PaymentStateMachine.after(CallbackOutcome.IGNORED)).isNull();
        // every outcome that moves a payment is a transition of the lifecycle from a status it can come from
        assertThat(PaymentStateMachine.allowed(PENDING, PaymentStateMachine.after(CallbackOutcome.FAILED))).isTrue();
        assertThat(PaymentStateMachine.allowed(EXPIRED, PaymentStateMachine.after(CallbackOutcome.UNAPPLIED))).isTrue();
        assertThat(PaymentStateMachine.allowed(FAILED, PaymentStateMachine.after(CallbackOutcome.APPLIED))).isTrue();
    }
}
