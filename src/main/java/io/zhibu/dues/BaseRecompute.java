package io.zhibu.dues;

/**
 * R5.4 when a changed base (基数) reaches the bills: {@code ANNUAL} (default, 旗帜网) — the base set for a year
 * stays fixed for that year, a later change is billed from the first issue of the next year (a marked correction
 * applies at once); {@code MONTHLY} (older practice) — every monthly issue bills from the latest base.
 * Configured as {@code zhibu.dues.recompute}.
 */
public enum BaseRecompute {
    ANNUAL, MONTHLY;

    /** Whether a base entered now is billed at once (the year's first base, a correction, or monthly recompute). */
    public boolean billsNow(Integer billedBaseYear, int currentYear, boolean correction) {
        return this == MONTHLY || correction || billedBaseYear == null || billedBaseYear < currentYear;
    }
}
