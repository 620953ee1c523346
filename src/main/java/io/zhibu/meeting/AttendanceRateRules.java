package io.zhibu.meeting;

/**
 * R6.3 出勤率 per member per year (for §8 and the branch's publicity list): over the locked meetings of the year the
 * member was called to (non-voting attendees not counted), the share present; approved leave (请假) and absence
 * without a reason (缺席) are kept apart but neither counts as present. Per mille; null when the member was called to
 * none. A member below {@link #LOW_PER_MILLE} is marked on the list.
 */
public final class AttendanceRateRules {
    /** Below 80 % the list marks the member (the dashboards' red line for rates). */
    public static final int LOW_PER_MILLE = 800;

    private AttendanceRateRules() {
    }

    /** Present over called (present + leave + absent), in per mille. */
    public static Integer ratePerMille(long present, long leave, long absent) {
        long called = present + leave + absent;
        return called == 0 ? null : (int) Math.round(present * 1000.0 / called);
    }

    public static boolean low(Integer perMille) {
        return perMille != null && perMille < LOW_PER_MILLE;
    }
}
