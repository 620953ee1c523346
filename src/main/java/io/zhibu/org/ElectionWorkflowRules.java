package io.zhibu.org;

import io.zhibu.shared.ConflictException;

/**
 * 换届选举程序 (rules.md R1.9; 支部工作条例, 选举工作条例 2020) as a tracked sequence: the committee decides on the
 * election and asks its superior (REQUESTED) → the superior approves (APPROVED) or rejects → the members' assembly
 * elects and the election is recorded (ELECTED) → the result with the elected secretary and deputy is reported
 * (REPORTED) → the superior approves the secretary and deputy (CONFIRMED, R1.9 报批) or sends it back (REJECTED).
 * Pure: who acts at each stage and where each action leads; anything else is a conflict naming the stage.
 */
public final class ElectionWorkflowRules {
    public enum Stage { REQUESTED, APPROVED, ELECTED, REPORTED, CONFIRMED, REJECTED }

    public enum Action { APPROVE, REJECT, ELECT, REPORT, CONFIRM }

    private ElectionWorkflowRules() {
    }

    /** The superior decides (APPROVE, REJECT, CONFIRM); the organization itself elects and reports. */
    public static boolean superiorActs(Action a) {
        return a == Action.APPROVE || a == Action.REJECT || a == Action.CONFIRM;
    }

    /** Where the action leads from the stage; a conflict ({@code election.process.order}) when it does not apply. */
    public static Stage next(Stage from, Action action) {
        Stage to = switch (from) {
            case REQUESTED -> action == Action.APPROVE ? Stage.APPROVED : action == Action.REJECT ? Stage.REJECTED : null;
            case APPROVED -> action == Action.ELECT ? Stage.ELECTED : null;
            case ELECTED -> action == Action.REPORT ? Stage.REPORTED : null;
            case REPORTED -> action == Action.CONFIRM ? Stage.CONFIRMED : action == Action.REJECT ? Stage.REJECTED : null;
            case CONFIRMED, REJECTED -> null;
        };
        if (to == null) {
            throw new ConflictException("election.process.order", from.name());
        }
        return to;
    }

    /** Open: neither confirmed nor rejected (one open process per organization). */
    public static boolean open(Stage s) {
        return s != Stage.CONFIRMED && s != Stage.REJECTED;
    }
}
