package io.zhibu.member;

import java.util.EnumSet;
import java.util.Set;

/** Kinds of dated changes in a member's history (党员档案变动). */
public enum MemberEventType {
    /** 转正. */
    BECAME_FULL,
    /** 停止党籍. */
    SUSPENDED,
    /** 恢复党籍. */
    RESTORED,
    /** 出党 (退党除名, 劝退, 自行脱党除名, 开除党籍); the kind is in {@link ExitType}. */
    EXITED,
    /** 死亡. */
    DIED,
    /** 流动党员 (外出) with destination. */
    FLOW_STARTED,
    FLOW_ENDED,
    /** 失联 with the lost-contact date. */
    LOST_CONTACT,
    CONTACT_RESTORED,
    /** 党纪处分 with type and end date. */
    DISCIPLINED,
    DISCIPLINE_ENDED,
    /** 组织关系转出中 (set and cleared by the transfer module). */
    TRANSFER_STARTED,
    TRANSFER_ENDED,
    /** 组织关系转入 completed: the member now belongs to another branch. */
    TRANSFERRED,
    /** Registered by a roster import. */
    IMPORTED,
    /** 随组织调整转入: moved with an org change (merge, founding a branch); the branch left is recorded. */
    MOVED;

    /** What users record by hand; the others are written by the transfer and import flows. */
    public static final Set<MemberEventType> MANUAL = EnumSet.range(BECAME_FULL, DISCIPLINE_ENDED);
}
