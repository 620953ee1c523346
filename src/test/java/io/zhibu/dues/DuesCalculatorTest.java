package io.zhibu.dues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhibu.shared.InvalidInputException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** rules.md §5 bracket table and R5.2 rounding, at every boundary. */
class DuesCalculatorTest {
    private final DuesCalculator calc = new DuesCalculator(new BigDecimal("0.20"));

    @ParameterizedTest(name = "{0} {1} → {2} at {3}")
    @CsvSource({
        // employed: ≤3000 0.5%; >3000–≤5000 1%; >5000–≤10000 1.5%; >10000 2% (whole base, not progressive)
        "EMPLOYED, 0.00, 0.00, 0.005",
        "EMPLOYED, 2999.99, 15.00, 0.005",
        "EMPLOYED, 3000.00, 15.00, 0.005",
        "EMPLOYED, 3000.01, 30.00, 0.01",
        "EMPLOYED, 5000.00, 50.00, 0.01",
        "EMPLOYED, 5000.01, 75.00, 0.015",
        "EMPLOYED, 10000.00, 150.00, 0.015",
        "EMPLOYED, 10000.01, 200.00, 0.02",
        "EMPLOYED, 12345.67, 246.91, 0.02",
        // R5.2 half-up: 1234.50 × 0.5% = 6.1725 → 6.17; 2345.70 × 0.5% = 11.7285 → 11.73; 1001 × 0.5% = 5.005 → 5.01
        "EMPLOYED, 1234.50, 6.17, 0.005",
        "EMPLOYED, 2345.70, 11.73, 0.005",
        "EMPLOYED, 1001.00, 5.01, 0.005",
        "ANNUAL_SALARY, 3000.01, 30.00, 0.01",
        "ANNUAL_SALARY, 20000.00, 400.00, 0.02",
        "SELF_EMPLOYED, 4000.00, 40.00, 0.01",
        "SELF_EMPLOYED, 6000.00, 90.00, 0.015",
        // retired: ≤5000 0.5%, >5000 1%
        "RETIRED, 3000.01, 15.00, 0.005",
        "RETIRED, 5000.00, 25.00, 0.005",
        "RETIRED, 5000.01, 50.00, 0.01",
        "RETIRED, 12000.00, 120.00, 0.01",
    })
    void brackets(DuesCategory category, String income, String amount, String rate) {
        DuesQuote q = calc.quote(category, new BigDecimal(income));
        assertThat(q.amount()).isEqualByComparingTo(amount);
        assertThat(q.amount().scale()).isEqualTo(2);
        assertThat(q.rate()).isEqualByComparingTo(rate);
        assertThat(q.bracket()).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(value = DuesCategory.class, names = {"STUDENT", "UNEMPLOYED", "LOW_INCOME_AID", "FARMER"})
    void fixedAmountsIgnoreIncome(DuesCategory c) {
        DuesQuote q = calc.quote(c, null);
        assertThat(q.amount()).isEqualByComparingTo("0.20");
        assertThat(q.rate()).isNull();
        assertThat(calc.quote(c, new BigDecimal("50000")).amount()).isEqualByComparingTo("0.20");
    }

    @Test
    void farmerAmountIsConfigurableWithinTheRange() {
        assertThat(new DuesCalculator(new BigDecimal("1.00")).quote(DuesCategory.FARMER, null).amount()).isEqualByComparingTo("1.00");
        assertThat(new DuesCalculator(new BigDecimal("1.00")).quote(DuesCategory.STUDENT, null).amount()).isEqualByComparingTo("0.20");
        assertThatThrownBy(() -> new DuesCalculator(new BigDecimal("1.50"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DuesCalculator(new BigDecimal("0.10"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void incomeBasedCategoriesNeedAValidIncome() {
        for (DuesCategory c : DuesCategory.values()) {
            if (c.incomeBased()) {
                assertThatThrownBy(() -> calc.quote(c, null)).isInstanceOf(InvalidInputException.class);
            }
        }
        assertThatThrownBy(() -> calc.quote(DuesCategory.EMPLOYED, new BigDecimal("-1"))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> calc.quote(DuesCategory.EMPLOYED, new BigDecimal("100.001"))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> calc.quote(null, BigDecimal.TEN)).isInstanceOf(InvalidInputException.class);
        assertThat(calc.quote(DuesCategory.EMPLOYED, new BigDecimal("100.000")).amount()).isEqualByComparingTo("0.50");
    }

    @Test
    void callbackBodyIsParsedStrictly() {
        PaymentGateway.Callback cb = PaymentGateway.Callback.parse("paymentId=12&status=SUCCEEDED&ref=SANDBOX-x");
        assertThat(cb.paymentId()).isEqualTo(12);
        assertThat(cb.succeeded()).isTrue();
        assertThatThrownBy(() -> PaymentGateway.Callback.parse("paymentId=x&status=SUCCEEDED"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> PaymentGateway.Callback.parse("paymentId=1&status=MAYBE"))
                .isInstanceOf(InvalidInputException.class);
    }
}
