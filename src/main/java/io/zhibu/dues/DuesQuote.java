package io.zhibu.dues;

import java.math.BigDecimal;

/** A monthly dues amount with the rule that produced it; {@code rate} is null for fixed amounts. */
public record DuesQuote(DuesCategory category, BigDecimal monthlyIncome, BigDecimal amount, BigDecimal rate,
                        String bracket) {
}
