package io.zhibu.dues;

import io.zhibu.shared.InvalidInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.stereotype.Component;

/**
 * 党费计算 — the only place of the §5 bracket table (中组发〔2008〕3号). The whole base is charged at one rate (not
 * progressive); boundaries are inclusive upper bounds as in the table; amounts are rounded half-up to 0.01 yuan.
 */
@Component
public class DuesCalculator {
    /** R5.2: the statutory minimum, also the fixed amount for students, the unemployed and aid recipients. */
    public static final BigDecimal MINIMUM = new BigDecimal("0.20");
    private static final BigDecimal MAX_INCOME = new BigDecimal("9999999.99");
    private static final BigDecimal B3000 = new BigDecimal("3000");
    private static final BigDecimal B5000 = new BigDecimal("5000");
    private static final BigDecimal B10000 = new BigDecimal("10000");

    private final BigDecimal farmerAmount;

    /** Farmers pay 0.2–1 yuan (§5); the amount is configuration ({@code zhibu.dues.farmer-amount}). */
    @org.springframework.beans.factory.annotation.Autowired
    public DuesCalculator(DuesProperties settings) {
        this(settings.farmerAmount());
    }

    /** Farmers pay 0.2–1 yuan (§5); default 0.20 (the statutory minimum). */
    public DuesCalculator(BigDecimal farmerAmount) {
        if (farmerAmount.compareTo(MINIMUM) < 0 || farmerAmount.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("zhibu.dues.farmer-amount must be between 0.20 and 1.00");
        }
        this.farmerAmount = farmerAmount.setScale(2, RoundingMode.HALF_UP);
    }

    public DuesQuote quote(DuesCategory category, BigDecimal monthlyIncome) {
        if (category == null) {
            throw InvalidInputException.of("category", "validation.required");
        }
        if (!category.incomeBased()) {
            BigDecimal fixed = category == DuesCategory.FARMER ? farmerAmount : MINIMUM;
            return new DuesQuote(category, null, fixed, null, "fixed " + fixed + " yuan/month");
        }
        if (monthlyIncome == null) {
            throw InvalidInputException.of("monthlyIncome", "validation.required");
        }
        if (monthlyIncome.signum() < 0 || monthlyIncome.compareTo(MAX_INCOME) > 0
                || monthlyIncome.stripTrailingZeros().scale() > 2) {
            throw InvalidInputException.of("monthlyIncome", "dues.income.invalid");
        }
        BigDecimal rate;
        String bracket;
        if (category == DuesCategory.RETIRED) { // retired: ≤5000 0.5%, >5000 1%
            if (monthlyIncome.compareTo(B5000) <= 0) {
                rate = new BigDecimal("0.005");
                bracket = "retired ≤5000: 0.5%";
            } else {
                rate = new BigDecimal("0.01");
                bracket = "retired >5000: 1%";
            }
        } else if (monthlyIncome.compareTo(B3000) <= 0) {
            rate = new BigDecimal("0.005");
            bracket = "≤3000: 0.5%";
        } else if (monthlyIncome.compareTo(B5000) <= 0) {
            rate = new BigDecimal("0.01");
            bracket = ">3000–≤5000: 1%";
        } else if (monthlyIncome.compareTo(B10000) <= 0) {
            rate = new BigDecimal("0.015");
            bracket = ">5000–≤10000: 1.5%";
        } else {
            rate = new BigDecimal("0.02");
            bracket = ">10000: 2%";
        }
        BigDecimal amount = monthlyIncome.multiply(rate).setScale(2, RoundingMode.HALF_UP); // R5.2 half-up to 0.01
        return new DuesQuote(category, monthlyIncome.setScale(2, RoundingMode.HALF_UP), amount, rate, bracket);
    }
}
