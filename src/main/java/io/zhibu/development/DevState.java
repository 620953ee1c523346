package io.zhibu.development;

/**
 * Development states of rules.md §3.1: 入党申请人 → 入党积极分子 → 发展对象 → 预备党员 → 正式党员, and the side
 * states 取消预备党员资格 and 终止培养 (延长预备期 is a probationary member with an extension).
 */
public enum DevState {
    APPLICANT, ACTIVIST, TARGET, PROBATIONARY, FULL, CANCELLED, TERMINATED;

    /** The state reached by completing a step (activist at 3, target at 7, probationary at 17). */
    public static DevState afterStep(int stepNo, DevState current) {
        if (stepNo >= 17) {
            return current == FULL ? FULL : PROBATIONARY;
        }
        if (stepNo >= 7) {
            return TARGET;
        }
        return stepNo >= 3 ? ACTIVIST : APPLICANT;
    }

    public boolean open() {
        return this != CANCELLED && this != TERMINATED;
    }
}
