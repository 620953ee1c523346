package io.zhibu.shared.bench;

import java.time.YearMonth;

/**
 * Benchmark only: a module writes plausible history for a loaded city or province (months of meetings, bills and
 * payments, people in development) straight into its own tables, set-based, because going through the services
 * one record at a time would take hours. Never used by the running platform.
 */
public interface BenchHistory {
    String name();

    /** Writes history for the months [from, to]; returns the rows written. */
    long generate(YearMonth from, YearMonth to, long seed);
}
