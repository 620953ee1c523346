package io.zhibu.serving;

import io.zhibu.shared.ConflictException;

/**
 * The 双报到 report's transitions: FILED → CONFIRMED | DECLINED (the community decides) | WITHDRAWN (the member or
 * unit takes it back). CONFIRMED, DECLINED and WITHDRAWN are final for the year's report (a declined member files
 * again to another community).
 */
public final class ReportStateMachine {
    public enum Action { CONFIRM, DECLINE, WITHDRAW }

    private ReportStateMachine() {
    }

    public static ReportStatus next(ReportStatus from, Action action) {
        if (from != ReportStatus.FILED) {
            throw new ConflictException("serving.report.notPending");
        }
        return switch (action) {
            case CONFIRM -> ReportStatus.CONFIRMED;
            case DECLINE -> ReportStatus.DECLINED;
            case WITHDRAW -> ReportStatus.WITHDRAWN;
        };
    }

    /** A report that still counts (blocks another one the same year): filed or confirmed. */
    public static boolean active(ReportStatus s) {
        return s == ReportStatus.FILED || s == ReportStatus.CONFIRMED;
    }
}
