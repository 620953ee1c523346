package io.zhibu.command;

import static io.zhibu.command.ProjectAction.EVALUATE;
import static io.zhibu.command.ProjectAction.PLAN;
import static io.zhibu.command.ProjectAction.REPORT;
import static io.zhibu.command.ProjectAction.REPORT_DONE;
import static io.zhibu.command.ProjectAction.WITHDRAW;
import static io.zhibu.command.ProjectState.ASSIGNED;
import static io.zhibu.command.ProjectState.CLAIMED;
import static io.zhibu.command.ProjectState.COMPLETED;
import static io.zhibu.command.ProjectState.EVALUATED;
import static io.zhibu.command.ProjectState.IN_PROGRESS;
import static io.zhibu.command.ProjectState.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhibu.shared.ConflictException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rule P1: the life of one organization's project in the project book. */
class ProjectStateMachineTest {

    @Test
    void keyProjectPlannedReportedCompletedEvaluated() {
        ProjectState s = ASSIGNED;
        s = ProjectStateMachine.next(ProjectKind.KEY, s, PLAN);
        assertThat(s).isEqualTo(CLAIMED);
        s = ProjectStateMachine.next(ProjectKind.KEY, s, PLAN); // revised while nothing reported
        assertThat(s).isEqualTo(CLAIMED);
        s = ProjectStateMachine.next(ProjectKind.KEY, s, REPORT);
        assertThat(s).isEqualTo(IN_PROGRESS);
        s = ProjectStateMachine.next(ProjectKind.KEY, s, REPORT);
        assertThat(s).isEqualTo(IN_PROGRESS);
        s = ProjectStateMachine.next(ProjectKind.KEY, s, REPORT_DONE);
        assertThat(s).isEqualTo(COMPLETED);
        assertThat(ProjectStateMachine.completed(s)).isTrue();
        s = ProjectStateMachine.next(ProjectKind.KEY, s, EVALUATE);
        assertThat(s).isEqualTo(EVALUATED);
        assertThat(ProjectStateMachine.completed(s)).isTrue();
    }

    @Test
    void everyPairIsAllowedExactlyAsTheRuleSays() {
        Map<ProjectState, Set<ProjectAction>> allowed = Map.of(
                ASSIGNED, EnumSet.of(PLAN, EVALUATE),
                CLAIMED, EnumSet.of(PLAN, REPORT, REPORT_DONE, EVALUATE, WITHDRAW),
                IN_PROGRESS, EnumSet.of(REPORT, REPORT_DONE, EVALUATE),
                COMPLETED, EnumSet.of(EVALUATE),
                EVALUATED, EnumSet.noneOf(ProjectAction.class),
                WITHDRAWN, EnumSet.noneOf(ProjectAction.class));
        for (ProjectState s : ProjectState.values()) {
            for (ProjectAction a : ProjectAction.values()) {
                assertThat(ProjectStateMachine.allowed(ProjectKind.INNOVATION, s, a)).as(s + " " + a)
                        .isEqualTo(allowed.get(s).contains(a));
            }
        }
    }

    @Test
    void onlyAnInnovationClaimWithoutReportsIsWithdrawn() {
        assertThat(ProjectStateMachine.next(ProjectKind.INNOVATION, CLAIMED, WITHDRAW)).isEqualTo(WITHDRAWN);
        assertThatThrownBy(() -> ProjectStateMachine.next(ProjectKind.KEY, CLAIMED, WITHDRAW))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> ProjectStateMachine.next(ProjectKind.BASIC, CLAIMED, WITHDRAW))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> ProjectStateMachine.next(ProjectKind.INNOVATION, IN_PROGRESS, WITHDRAW))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void nothingIsReportedBeforeThePlanNorAfterCompletion() {
        assertThatThrownBy(() -> ProjectStateMachine.next(ProjectKind.BASIC, ASSIGNED, REPORT))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> ProjectStateMachine.next(ProjectKind.BASIC, COMPLETED, REPORT))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> ProjectStateMachine.next(ProjectKind.BASIC, IN_PROGRESS, PLAN))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> ProjectStateMachine.next(ProjectKind.BASIC, EVALUATED, EVALUATE))
                .isInstanceOf(ConflictException.class);
        assertThat(ProjectStateMachine.completed(IN_PROGRESS)).isFalse();
        assertThat(ProjectStateMachine.completed(WITHDRAWN)).isFalse();
    }
}
