package io.zhibu.venue;

/** What the venue is. */
public enum VenueKind {
    /** 党群服务中心. */
    SERVICE_CENTER,
    /** 党员活动室. */
    ACTIVITY_ROOM,
    /** 其他活动场所. */
    OTHER
}
