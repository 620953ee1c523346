package io.zhibu.assessment;

import java.util.Set;

/**
 * 闵行“五好”创建的申报状态 (seed 001, issue 18 point 1): a branch applies (APPLIED, 已申报); its superior reviews —
 * passes it (PASSED, 审核通过) or rejects it (REJECTED, 不予通过; a high-voltage line hit always rejects) — and awards
 * the title to a passed application (AWARDED, 已命名: the register of titles). Rejected and awarded are final.
 * Pure; {@link #next} is the whole state machine.
 */
public enum FiveGoodStatus {
    APPLIED, PASSED, REJECTED, AWARDED;

    /** What the superior does to an application. */
    public enum Action { PASS, REJECT, AWARD }

    /** The status after {@code a}; throws when the action is not allowed in this status. */
    public FiveGoodStatus next(Action a) {
        return switch (a) {
            case PASS -> require(this == APPLIED, a, PASSED);
            case REJECT -> require(this == APPLIED || this == PASSED, a, REJECTED);
            case AWARD -> require(this == PASSED, a, AWARDED);
        };
    }

    /** The actions allowed now (the page shows only these buttons). */
    public Set<Action> allowed() {
        return switch (this) {
            case APPLIED -> Set.of(Action.PASS, Action.REJECT);
            case PASSED -> Set.of(Action.REJECT, Action.AWARD);
            case REJECTED, AWARDED -> Set.of();
        };
    }

    /** An application that still stands (a branch has at most one standing application per year). */
    public boolean standing() {
        return this != REJECTED;
    }

    /** 中期检查 are recorded while the creation runs and after the award, not on a rejected application. */
    public boolean checkable() {
        return this != REJECTED;
    }

    private FiveGoodStatus require(boolean ok, Action a, FiveGoodStatus to) {
        if (!ok) {
            throw new IllegalStateException(a + " not allowed when " + name());
        }
        return to;
    }
}
