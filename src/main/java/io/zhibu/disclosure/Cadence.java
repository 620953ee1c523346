package io.zhibu.disclosure;

/** How often a category is due: every month ({@code 2026-11}), quarter ({@code 2026-Q4}) or year ({@code 2026}). */
public enum Cadence {
    MONTHLY,
    QUARTERLY,
    YEARLY
}
