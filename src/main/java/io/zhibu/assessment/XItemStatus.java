package io.zhibu.assessment;

/**
 * 自选清单 (6+X) item status: the branch proposes (PROPOSED); its superior approves (APPROVED — then scored for that
 * branch) or returns it with a reason (RETURNED — the branch may propose a new item). Decided items are final.
 */
public enum XItemStatus {
    PROPOSED, APPROVED, RETURNED;

    /** The superior's decision on a proposed item. */
    public enum Decision { APPROVE, RETURN }

    /** The status after {@code d}; only a PROPOSED item can be decided. */
    public XItemStatus decide(Decision d) {
        if (this != PROPOSED) {
            throw new IllegalStateException(name() + " is decided");
        }
        return d == Decision.APPROVE ? APPROVED : RETURNED;
    }

    /** Whether the item counts against the branch's X allowance (proposed ones hold their points until decided). */
    public boolean holdsPoints() {
        return this != RETURNED;
    }
}
