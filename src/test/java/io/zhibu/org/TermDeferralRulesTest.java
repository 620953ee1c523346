package io.zhibu.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhibu.org.TermDeferralRules.Action;
import io.zhibu.org.TermDeferralRules.Status;
import io.zhibu.shared.ConflictException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** R1.7/R1.8 延期换届: ≤1 year, capped at expiry + 12 months, upper approval; the request state machine. */
class TermDeferralRulesTest {
    private static final LocalDate END = LocalDate.of(2027, 1, 31);

    @Test
    void r1_7_monthsOneToTwelve() {
        assertThat(TermDeferralRules.monthsOk(null)).isFalse();
        assertThat(TermDeferralRules.monthsOk(0)).isFalse();
        assertThat(TermDeferralRules.monthsOk(1)).isTrue();
        assertThat(TermDeferralRules.monthsOk(12)).isTrue();
        assertThat(TermDeferralRules.monthsOk(13)).isFalse();
    }

    @Test
    void r1_8_newDeadlineIsACalendarShiftCappedAtExpiryPlusTwelveMonths() {
        assertThat(TermDeferralRules.deferredUntil(END, 1)).isEqualTo(LocalDate.of(2027, 2, 28)); // month end (R2.4)
        assertThat(TermDeferralRules.deferredUntil(END, 6)).isEqualTo(LocalDate.of(2027, 7, 31));
        assertThat(TermDeferralRules.deferredUntil(END, 12)).isEqualTo(LocalDate.of(2028, 1, 31));
        assertThat(TermDeferralRules.deferredUntil(END, 30)).isEqualTo(LocalDate.of(2028, 1, 31));
    }

    @Test
    void requestOnlyInTheReminderWindowOrWhenOverdue() {
        assertThat(TermDeferralRules.mayRequest(null, END)).isFalse();
        assertThat(TermDeferralRules.mayRequest(END, END.minusMonths(6).minusDays(1))).isFalse();
        assertThat(TermDeferralRules.mayRequest(END, END.minusMonths(6))).isTrue();
        assertThat(TermDeferralRules.mayRequest(END, END.plusMonths(2))).isTrue();
    }

    @Test
    void r1_8_onlyAnApprovedDeferralMovesTheDeadline() {
        assertThat(TermDeferralRules.effectiveEnd(END, null)).isEqualTo(END);
        assertThat(TermDeferralRules.effectiveEnd(END, END.minusDays(1))).isEqualTo(END);
        assertThat(TermDeferralRules.effectiveEnd(END, END.plusMonths(3))).isEqualTo(END.plusMonths(3));
        assertThat(TermDeferralRules.effectiveEnd(null, END)).isNull();
        // overdue flag: expired without approval is OVERDUE, with an approved deferral it is a T-x reminder
        LocalDate today = END.plusDays(10);
        assertThat(TermReminder.of(TermDeferralRules.effectiveEnd(END, null), today)).isEqualTo(TermReminder.OVERDUE);
        assertThat(TermReminder.of(TermDeferralRules.effectiveEnd(END, END.plusMonths(6)), today)).isEqualTo(TermReminder.T6);
    }

    @Test
    void stateMachine_requestedIsDecidedOnce() {
        assertThat(TermDeferralRules.next(Status.REQUESTED, Action.APPROVE)).isEqualTo(Status.APPROVED);
        assertThat(TermDeferralRules.next(Status.REQUESTED, Action.REJECT)).isEqualTo(Status.REJECTED);
        assertThat(TermDeferralRules.next(Status.REQUESTED, Action.WITHDRAW)).isEqualTo(Status.WITHDRAWN);
        for (Status decided : new Status[] {Status.APPROVED, Status.REJECTED, Status.WITHDRAWN}) {
            for (Action a : Action.values()) {
                assertThatThrownBy(() -> TermDeferralRules.next(decided, a)).isInstanceOf(ConflictException.class);
            }
        }
    }
}
