package io.zhibu.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhibu.org.ElectionWorkflowRules.Action;
import io.zhibu.org.ElectionWorkflowRules.Stage;
import io.zhibu.shared.ConflictException;
import org.junit.jupiter.api.Test;

/** R1.9: 请示 → 批复 → 选举 → 报批 → 批准书记、副书记, in this order only; the superior approves, the org elects. */
class ElectionWorkflowRulesTest {
    @Test
    void theR19Sequence() {
        Stage s = Stage.REQUESTED;
        s = ElectionWorkflowRules.next(s, Action.APPROVE);
        assertThat(s).isEqualTo(Stage.APPROVED);
        s = ElectionWorkflowRules.next(s, Action.ELECT);
        assertThat(s).isEqualTo(Stage.ELECTED);
        s = ElectionWorkflowRules.next(s, Action.REPORT);
        assertThat(s).isEqualTo(Stage.REPORTED);
        s = ElectionWorkflowRules.next(s, Action.CONFIRM);
        assertThat(s).isEqualTo(Stage.CONFIRMED);
        assertThat(ElectionWorkflowRules.open(s)).isFalse();
        assertThat(ElectionWorkflowRules.next(Stage.REQUESTED, Action.REJECT)).isEqualTo(Stage.REJECTED);
        assertThat(ElectionWorkflowRules.next(Stage.REPORTED, Action.REJECT)).isEqualTo(Stage.REJECTED);
    }

    @Test
    void noStepIsSkippedOrRepeated() {
        assertThatThrownBy(() -> ElectionWorkflowRules.next(Stage.REQUESTED, Action.ELECT)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> ElectionWorkflowRules.next(Stage.APPROVED, Action.REPORT)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> ElectionWorkflowRules.next(Stage.ELECTED, Action.CONFIRM)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> ElectionWorkflowRules.next(Stage.APPROVED, Action.APPROVE)).isInstanceOf(ConflictException.class);
        for (Action a : Action.values()) {
            assertThatThrownBy(() -> ElectionWorkflowRules.next(Stage.CONFIRMED, a)).isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> ElectionWorkflowRules.next(Stage.REJECTED, a)).isInstanceOf(ConflictException.class);
        }
    }

    @Test
    void theSuperiorApprovesTheOrganizationElects() {
        assertThat(ElectionWorkflowRules.superiorActs(Action.APPROVE)).isTrue();
        assertThat(ElectionWorkflowRules.superiorActs(Action.CONFIRM)).isTrue();
        assertThat(ElectionWorkflowRules.superiorActs(Action.REJECT)).isTrue();
        assertThat(ElectionWorkflowRules.superiorActs(Action.ELECT)).isFalse();
        assertThat(ElectionWorkflowRules.superiorActs(Action.REPORT)).isFalse();
    }
}
