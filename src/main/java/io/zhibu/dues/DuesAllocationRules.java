package io.zhibu.dues;

import io.zhibu.shared.OrgPath;
import java.math.BigDecimal;

/**
 * 党费下拨/返还 (rules.md §5, R5.7 "announce dues collection and use"; 2008 规定): a superior committee allocates dues
 * back to an organization strictly below it, on the strength of a decision; the ledger is append-only, a correction
 * is one reversal of the whole entry. Pure.
 */
public final class DuesAllocationRules {
    /** The largest amount one entry may carry (yuan). */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

    private DuesAllocationRules() {
    }

    /** A positive amount in yuan with at most two decimals (fen), not above {@link #MAX_AMOUNT}. */
    public static boolean validAmount(BigDecimal a) {
        return a != null && a.signum() > 0 && a.compareTo(MAX_AMOUNT) <= 0 && a.stripTrailingZeros().scale() <= 2;
    }

    /** Only a superior allocates: the recipient lies strictly below the allocating committee. */
    public static boolean below(String fromPath, String toPath) {
        return fromPath != null && toPath != null && !fromPath.equals(toPath) && OrgPath.covers(fromPath, toPath);
    }

    /** Append-only ledger: only an allocation not yet reversed can be reversed, and only once. */
    public static boolean reversible(AllocationKind kind, boolean alreadyReversed) {
        return kind == AllocationKind.ALLOCATE && !alreadyReversed;
    }
}
