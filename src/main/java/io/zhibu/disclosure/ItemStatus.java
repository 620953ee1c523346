package io.zhibu.disclosure;

/** A 公开 item is published at once; a withdrawn one stays as history and no longer counts. */
public enum ItemStatus {
    PUBLISHED,
    WITHDRAWN
}
