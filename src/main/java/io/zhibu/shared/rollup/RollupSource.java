package io.zhibu.shared.rollup;

import java.time.YearMonth;
import java.util.Collection;

/**
 * A module's contribution to the supervision rollups (督导汇总): its figures per organization, computed set-based
 * over its own tables. The supervision module keeps own and subtree values per org and period from these, applies
 * changes announced by {@link FactsChanged}, and rebuilds everything from {@link #ownValues} on demand. The port
 * lives in the shared kernel so that modules the supervision module reads from can implement it without a cycle.
 */
public interface RollupSource {
    /** Metric prefix and dirty-marking key, e.g. {@code "member"}; every metric this source emits starts with it. */
    String name();

    /** STOCK figures are "as of now" (the roster, the pipeline); MONTHLY ones belong to a month (dues, meetings). */
    Kind kind();

    /**
     * Own values (facts attached to the organization itself, not its descendants) of the given organizations, or of
     * every organization when {@code orgIds} is null. MONTHLY sources emit the months in [from, to]; STOCK sources
     * ignore the range and emit a null month. Zero values may be omitted.
     */
    void ownValues(Collection<Long> orgIds, YearMonth from, YearMonth to, Sink sink);

    /**
     * The same figures summed over a whole subtree by counting live rows (the "naive" way the benchmark compares
     * against); emitted with orgId 0.
     */
    void liveSubtreeValues(String path, YearMonth from, YearMonth to, Sink sink);

    enum Kind { STOCK, MONTHLY }

    @FunctionalInterface
    interface Sink {
        void accept(long orgId, YearMonth month, String metric, long value);
    }
}
