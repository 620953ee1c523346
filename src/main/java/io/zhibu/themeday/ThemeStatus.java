package io.zhibu.themeday;

/** A theme is published at once; a withdrawn one is no longer offered (meetings that picked it keep the link). */
public enum ThemeStatus {
    PUBLISHED,
    WITHDRAWN
}
