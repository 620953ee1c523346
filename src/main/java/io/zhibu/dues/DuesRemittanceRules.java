package io.zhibu.dues;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Arithmetic of the remittance report (上缴): what an organization still holds and the R5.5 full-remittance check. */
public final class DuesRemittanceRules {
    private DuesRemittanceRules() {
    }

    /** Outstanding = collected from own members + confirmed remittances received from below − remitted upward. */
    public static BigDecimal outstanding(BigDecimal collected, BigDecimal received, BigDecimal remitted) {
        return collected.add(received).subtract(remitted).setScale(2, RoundingMode.HALF_UP);
    }

    /** R5.5: voluntary one-off payments ≥1000 yuan go up in full; short when less than that has been remitted. */
    public static boolean shortOfFullRemittance(BigDecimal remitInFull, BigDecimal remitted) {
        return remitInFull.signum() > 0 && remitted.compareTo(remitInFull) < 0;
    }
}
