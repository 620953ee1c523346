package io.zhibu.serving;

/** A 双报到 report's state: filed by the member or the unit, then confirmed or declined by the community. */
public enum ReportStatus {
    /** 已报到, awaiting the community. */
    FILED,
    /** 社区已确认: the member sees the community's needs. */
    CONFIRMED,
    /** 社区未接收 (e.g. the member does not live there), with a reason. */
    DECLINED,
    /** 已撤回 by the member or the unit before the community decided. */
    WITHDRAWN
}
