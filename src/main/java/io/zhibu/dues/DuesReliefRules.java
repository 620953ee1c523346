package io.zhibu.dues;

import java.math.BigDecimal;

/** R5.5 arithmetic of a hardship relief on an issued bill (困难减免的更正). */
public final class DuesReliefRules {
    private DuesReliefRules() {
    }

    /**
     * The correcting entry that brings an issued bill to the relief amount: the new due is the relief's monthly
     * amount (0 for an exemption) but never more than the bill as issued; the entry is new due − current effective
     * due (negative lowers the due, zero means nothing to write).
     */
    public static BigDecimal correction(BigDecimal billed, BigDecimal effective, BigDecimal reliefAmount) {
        BigDecimal target = reliefAmount.min(billed);
        return target.subtract(effective);
    }
}
