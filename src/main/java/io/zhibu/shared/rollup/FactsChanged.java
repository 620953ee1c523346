package io.zhibu.shared.rollup;

import java.time.YearMonth;
import java.util.Collection;
import java.util.Set;

/**
 * The figures of a {@link RollupSource} changed for these organizations (and, for MONTHLY sources, these months).
 * Published synchronously inside the writing transaction, so the supervision module's dirty mark commits or rolls
 * back with the fact.
 */
public record FactsChanged(String source, Set<Long> orgIds, YearMonth from, YearMonth to) {
    public FactsChanged {
        orgIds = Set.copyOf(orgIds);
    }

    public static FactsChanged stock(String source, Collection<Long> orgIds) {
        return new FactsChanged(source, Set.copyOf(orgIds), null, null);
    }

    public static FactsChanged months(String source, Collection<Long> orgIds, YearMonth from, YearMonth to) {
        return new FactsChanged(source, Set.copyOf(orgIds), from, to);
    }
}
