package io.zhibu.dues;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** R5.5 correcting entries and the remittance arithmetic (上缴), against hand-computed numbers. */
class DuesReliefRulesTest {
    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void exemptionBringsAnIssuedBillToZero() {
        assertThat(DuesReliefRules.correction(d("45.00"), d("45.00"), d("0.00"))).isEqualByComparingTo("-45.00");
    }

    @Test
    void reductionBringsTheBillToTheReliefAmount() {
        assertThat(DuesReliefRules.correction(d("45.00"), d("45.00"), d("10.00"))).isEqualByComparingTo("-35.00");
        assertThat(DuesReliefRules.correction(d("0.20"), d("0.20"), d("0.10"))).isEqualByComparingTo("-0.10");
    }

    @Test
    void aReliefNeverRaisesABillAndAnAlreadyCorrectedBillNeedsNothing() {
        assertThat(DuesReliefRules.correction(d("5.00"), d("5.00"), d("10.00"))).isEqualByComparingTo("0.00");
        assertThat(DuesReliefRules.correction(d("45.00"), d("10.00"), d("10.00"))).isEqualByComparingTo("0.00");
    }

    @Test
    void outstandingIsCollectedPlusReceivedMinusRemitted() {
        assertThat(DuesRemittanceRules.outstanding(d("300.00"), d("0"), d("120.50"))).isEqualByComparingTo("179.50");
        assertThat(DuesRemittanceRules.outstanding(d("10.00"), d("500.00"), d("510.00"))).isEqualByComparingTo("0.00");
        assertThat(DuesRemittanceRules.outstanding(d("10.00"), d("0"), d("15.00"))).isEqualByComparingTo("-5.00");
    }

    @Test
    void voluntaryPaymentsOfAThousandMustGoUpInFull() {
        assertThat(DuesRemittanceRules.shortOfFullRemittance(d("1000.00"), d("999.99"))).isTrue();
        assertThat(DuesRemittanceRules.shortOfFullRemittance(d("1000.00"), d("1000.00"))).isFalse();
        assertThat(DuesRemittanceRules.shortOfFullRemittance(d("0.00"), d("0.00"))).isFalse();
    }

    @Test
    void annualBaseIsBilledAtOnceOnlyForTheYearsFirstBaseOrACorrection() {
        assertThat(BaseRecompute.ANNUAL.billsNow(null, 2026, false)).isTrue();
        assertThat(BaseRecompute.ANNUAL.billsNow(2025, 2026, false)).isTrue();
        assertThat(BaseRecompute.ANNUAL.billsNow(2026, 2026, false)).isFalse();
        assertThat(BaseRecompute.ANNUAL.billsNow(2026, 2026, true)).isTrue();
        assertThat(BaseRecompute.MONTHLY.billsNow(2026, 2026, false)).isTrue();
    }
}
