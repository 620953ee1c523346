package io.zhibu.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.zhibu.shared.ConflictException;
import io.zhibu.shared.InvalidInputException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** rules.md §3 member status machine, R1.10 and R3.3 voting rights. */
class MemberLifecycleRulesTest {
    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    static final LifecycleState FULL = new LifecycleState(MemberCategory.FULL, MemberStanding.NORMAL,
            LocalDate.of(2010, 7, 1), 0, null, false, false, null, null, false);

    static LifecycleChange change(MemberEventType t, LocalDate on) {
        return new LifecycleChange(t, on, "原因", "支部大会", null, null, null, null, null);
    }

    static LifecycleState with(MemberStanding standing, ExitType exit, DisciplineType d, LocalDate until) {
        return new LifecycleState(MemberCategory.FULL, standing, LocalDate.of(2010, 7, 1), 0, exit, false, false, d,
                until, false);
    }

    @Test
    void suspendAndRestore() { // §3.2 停止党籍 can be restored (R3.1)
        assertThatCode(() -> MemberLifecycleRules.check(FULL, change(MemberEventType.SUSPENDED, TODAY), TODAY)).doesNotThrowAnyException();
        assertThatThrownBy(() -> MemberLifecycleRules.check(FULL, change(MemberEventType.RESTORED, TODAY), TODAY))
                .isInstanceOf(ConflictException.class);
        LifecycleState suspended = with(MemberStanding.SUSPENDED, null, null, null);
        assertThatCode(() -> MemberLifecycleRules.check(suspended, change(MemberEventType.RESTORED, TODAY), TODAY)).doesNotThrowAnyException();
        assertThatThrownBy(() -> MemberLifecycleRules.check(suspended, change(MemberEventType.SUSPENDED, TODAY), TODAY))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void exitsAndDeathAreTerminal() { // R3.1
        for (ExitType t : ExitType.values()) {
            LifecycleState gone = with(MemberStanding.NORMAL, t, null, null);
            for (MemberEventType e : MemberEventType.MANUAL) {
                assertThatThrownBy(() -> MemberLifecycleRules.check(gone, change(e, TODAY), TODAY))
                        .as(t + " then " + e).isInstanceOf(ConflictException.class);
            }
        }
    }

    @Test
    void exitNeedsKindReasonAndDecider() {
        var noKind = change(MemberEventType.EXITED, TODAY);
        assertThatThrownBy(() -> MemberLifecycleRules.check(FULL, noKind, TODAY)).isInstanceOf(InvalidInputException.class);
        var bare = new LifecycleChange(MemberEventType.EXITED, TODAY, null, null, ExitType.WITHDRAWN, null, null, null, null);
        assertThatThrownBy(() -> MemberLifecycleRules.check(FULL, bare, TODAY)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations()).extracting("field")
                        .contains("reason", "decidedBy"));
        var ok = new LifecycleChange(MemberEventType.EXITED, TODAY, "r", "d", ExitType.EXPELLED, null, null, null, null);
        assertThatCode(() -> MemberLifecycleRules.check(FULL, ok, TODAY)).doesNotThrowAnyException();
    }

    @Test
    void datesNotInTheFutureNorBeforeJoining() {
        assertThatThrownBy(() -> MemberLifecycleRules.check(FULL, change(MemberEventType.SUSPENDED, TODAY.plusDays(1)), TODAY))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> MemberLifecycleRules.check(FULL, change(MemberEventType.SUSPENDED, LocalDate.of(2010, 6, 30)), TODAY))
                .isInstanceOf(InvalidInputException.class);
        assertThatCode(() -> MemberLifecycleRules.check(FULL, change(MemberEventType.SUSPENDED, LocalDate.of(2010, 7, 1)), TODAY))
                .doesNotThrowAnyException();
    }

    @Test
    void becomingFullNeedsTheProbationOver() { // R2.8: joined + 12 months
        LifecycleState prob = new LifecycleState(MemberCategory.PROBATIONARY, MemberStanding.NORMAL,
                LocalDate.of(2025, 6, 2), 0, null, false, false, null, null, false);
        assertThatThrownBy(() -> MemberLifecycleRules.check(prob, change(MemberEventType.BECAME_FULL, TODAY), TODAY))
                .isInstanceOf(InvalidInputException.class);
        LifecycleState due = new LifecycleState(MemberCategory.PROBATIONARY, MemberStanding.NORMAL,
                LocalDate.of(2025, 6, 1), 0, null, false, false, null, null, false);
        assertThatCode(() -> MemberLifecycleRules.check(due, change(MemberEventType.BECAME_FULL, TODAY), TODAY)).doesNotThrowAnyException();
        assertThatThrownBy(() -> MemberLifecycleRules.check(FULL, change(MemberEventType.BECAME_FULL, TODAY), TODAY))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void probationInPartyAtMostTwoYears() { // R3.3
        LocalDate on = LocalDate.of(2026, 1, 15);
        var twoYears = new LifecycleChange(MemberEventType.DISCIPLINED, on, "r", "d", null,
                DisciplineType.PROBATION_IN_PARTY, on.plusYears(2), null, null);
        assertThatCode(() -> MemberLifecycleRules.check(FULL, twoYears, TODAY)).doesNotThrowAnyException();
        var tooLong = new LifecycleChange(MemberEventType.DISCIPLINED, on, "r", "d", null,
                DisciplineType.PROBATION_IN_PARTY, on.plusYears(2).plusDays(1), null, null);
        assertThatThrownBy(() -> MemberLifecycleRules.check(FULL, tooLong, TODAY)).isInstanceOf(InvalidInputException.class);
        var noEnd = new LifecycleChange(MemberEventType.DISCIPLINED, on, "r", "d", null,
                DisciplineType.PROBATION_IN_PARTY, null, null, null);
        assertThatThrownBy(() -> MemberLifecycleRules.check(FULL, noEnd, TODAY)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void flowAndLostContactFlags() {
        var noDest = change(MemberEventType.FLOW_STARTED, TODAY);
        assertThatThrownBy(() -> MemberLifecycleRules.check(FULL, noDest, TODAY)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> MemberLifecycleRules.check(FULL, change(MemberEventType.FLOW_ENDED, TODAY), TODAY))
                .isInstanceOf(ConflictException.class);
        assertThatCode(() -> MemberLifecycleRules.check(FULL, change(MemberEventType.LOST_CONTACT, TODAY), TODAY)).doesNotThrowAnyException();
        assertThatThrownBy(() -> MemberLifecycleRules.check(FULL, change(MemberEventType.CONTACT_RESTORED, TODAY), TODAY))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> MemberLifecycleRules.check(FULL, change(MemberEventType.DISCIPLINE_ENDED, TODAY), TODAY))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void votingRights() { // R1.10, R3.3
        assertThat(MemberLifecycleRules.mayVote(FULL, TODAY)).isTrue();
        LifecycleState prob = new LifecycleState(MemberCategory.PROBATIONARY, MemberStanding.NORMAL,
                LocalDate.of(2025, 9, 1), 0, null, false, false, null, null, false);
        assertThat(MemberLifecycleRules.mayVote(prob, TODAY)).isFalse();
        assertThat(MemberLifecycleRules.mayVote(with(MemberStanding.SUSPENDED, null, null, null), TODAY)).isFalse();
        assertThat(MemberLifecycleRules.mayVote(with(MemberStanding.NORMAL, ExitType.DEATH, null, null), TODAY)).isFalse();
        LifecycleState observed = with(MemberStanding.NORMAL, null, DisciplineType.PROBATION_IN_PARTY, TODAY.plusDays(1));
        assertThat(MemberLifecycleRules.mayVote(observed, TODAY)).isFalse();
        assertThat(MemberLifecycleRules.mayVote(observed, TODAY.plusDays(1))).as("ends on its end date").isTrue();
        assertThat(MemberLifecycleRules.mayVote(with(MemberStanding.NORMAL, null, DisciplineType.SERIOUS_WARNING, TODAY.plusYears(1)), TODAY)).isTrue();
    }

    @Test
    void cancelledProbationOnlyForProbationaryMembers() { // R2.11
        var cancel = new LifecycleChange(MemberEventType.EXITED, TODAY, "r", "d", ExitType.PROBATION_CANCELLED, null,
                null, null, null);
        assertThatThrownBy(() -> MemberLifecycleRules.check(FULL, cancel, TODAY)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations()).extracting("code")
                        .containsExactly("lifecycle.exit.notProbationary"));
        LifecycleState prob = new LifecycleState(MemberCategory.PROBATIONARY, MemberStanding.NORMAL,
                LocalDate.of(2025, 9, 1), 0, null, false, false, null, null, false);
        assertThatCode(() -> MemberLifecycleRules.check(prob, cancel, TODAY)).doesNotThrowAnyException();
    }

    @Test
    void anEndDateOfOtherDisciplinesMustFollowTheDecision() {
        LocalDate on = LocalDate.of(2026, 1, 15);
        for (LocalDate bad : new LocalDate[] {on, on.minusDays(1)}) {
            var c = new LifecycleChange(MemberEventType.DISCIPLINED, on, "r", "d", null, DisciplineType.WARNING, bad,
                    null, null);
            assertThatThrownBy(() -> MemberLifecycleRules.check(FULL, c, TODAY)).isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).violations()).extracting("code")
                            .containsExactly("lifecycle.until.beforeStart"));
        }
        var later = new LifecycleChange(MemberEventType.DISCIPLINED, on, "r", "d", null, DisciplineType.WARNING,
                on.plusDays(1), null, null);
        assertThatCode(() -> MemberLifecycleRules.check(FULL, later, TODAY)).doesNotThrowAnyException();
        var open = new LifecycleChange(MemberEventType.DISCIPLINED, on, "r", "d", null, DisciplineType.WARNING, null,
                null, null);
        assertThatCode(() -> MemberLifecycleRules.check(FULL, open, TODAY)).doesNotThrowAnyException();
        // without a decision date only the missing date is reported, not the end date
        var undated = new LifecycleChange(MemberEventType.DISCIPLINED, null, "r", "d", null, DisciplineType.WARNING,
                on, null, null);
        assertThatThrownBy(() -> MemberLifecycleRules.check(FULL, undated, TODAY))
                .satisfies(e -> assertThat(((InvalidInputException) e).violations()).extracting("field")
                        .containsExactly("effectiveOn"));
    }
}
