package io.zhibu.command;

/** Where an item raised at a weekly dispatch meeting (周调度) stands. */
public enum DispatchItemStatus {
    /** 推进中. */
    OPEN,
    /** 已办结. */
    DONE,
    /** 已撤销. */
    DROPPED;

    /** An open item is settled (办结 or 撤销); a settled one may only be reopened. */
    public boolean canMoveTo(DispatchItemStatus to) {
        return this == OPEN ? to != OPEN : to == OPEN;
    }
}
