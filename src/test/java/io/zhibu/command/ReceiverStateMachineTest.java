package io.zhibu.command;

import static io.zhibu.command.ReceiverAction.ACCEPT;
import static io.zhibu.command.ReceiverAction.RECEIVE;
import static io.zhibu.command.ReceiverAction.RETURN;
import static io.zhibu.command.ReceiverAction.SUBMIT;
import static io.zhibu.command.ReceiverStatus.ACCEPTED;
import static io.zhibu.command.ReceiverStatus.ISSUED;
import static io.zhibu.command.ReceiverStatus.RECEIVED;
import static io.zhibu.command.ReceiverStatus.RETURNED;
import static io.zhibu.command.ReceiverStatus.SUBMITTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhibu.shared.ConflictException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rule C1: the life of one receiver of a task. */
class ReceiverStateMachineTest {

    @Test
    void signReplyReturnResubmitAccept() {
        ReceiverStatus s = ISSUED;
        s = ReceiverStateMachine.next(s, RECEIVE);
        assertThat(s).isEqualTo(RECEIVED);
        s = ReceiverStateMachine.next(s, SUBMIT);
        assertThat(s).isEqualTo(SUBMITTED);
        s = ReceiverStateMachine.next(s, RETURN);
        assertThat(s).isEqualTo(RETURNED);
        s = ReceiverStateMachine.next(s, SUBMIT);
        assertThat(s).isEqualTo(SUBMITTED);
        s = ReceiverStateMachine.next(s, ACCEPT);
        assertThat(s).isEqualTo(ACCEPTED);
    }

    @Test
    void exactlyTheseStepsAreAllowed() {
        Map<ReceiverStatus, Set<ReceiverAction>> allowed = Map.of(
                ISSUED, EnumSet.of(RECEIVE),
                RECEIVED, EnumSet.of(SUBMIT),
                SUBMITTED, EnumSet.of(ACCEPT, RETURN),
                RETURNED, EnumSet.of(SUBMIT),
                ACCEPTED, EnumSet.noneOf(ReceiverAction.class));
        for (ReceiverStatus from : ReceiverStatus.values()) {
            for (ReceiverAction a : ReceiverAction.values()) {
                boolean ok = allowed.get(from).contains(a);
                assertThat(ReceiverStateMachine.allowed(from, a)).as(from + " " + a).isEqualTo(ok);
                if (!ok) {
                    assertThatThrownBy(() -> ReceiverStateMachine.next(from, a)).isInstanceOf(ConflictException.class)
                            .hasMessage("command.conflict.notAllowed");
                }
            }
        }
    }

    @Test
    void onlyTheSenderReviews() {
        assertThat(ACCEPT.bySender()).isTrue();
        assertThat(RETURN.bySender()).isTrue();
        assertThat(RECEIVE.bySender()).isFalse();
        assertThat(SUBMIT.bySender()).isFalse();
    }

    @Test
    void relayAfterSigningUntilAccepted() {
        assertThat(ReceiverStateMachine.canRelay(ISSUED)).isFalse();
        assertThat(ReceiverStateMachine.canRelay(RECEIVED)).isTrue();
        assertThat(ReceiverStateMachine.canRelay(SUBMITTED)).isTrue();
        assertThat(ReceiverStateMachine.canRelay(RETURNED)).isTrue();
        assertThat(ReceiverStateMachine.canRelay(ACCEPTED)).isFalse();
    }

    @Test
    void openStatesOweSomething() {
        assertThat(EnumSet.allOf(ReceiverStatus.class).stream().filter(ReceiverStatus::open))
                .containsExactlyInAnyOrder(ISSUED, RECEIVED, RETURNED);
    }
}
