package io.zhibu.dues;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** 党费下拨/返还 (rules.md §5, R5.7 "collection and use"; issue 18 point 5): who may allocate, what, and corrections. */
class DuesAllocationRulesTest {
    @Test
    @DisplayName("R5.7/§5: an amount in yuan and fen, positive (R5.2: 0.01 yuan)")
    void amounts() {
        assertThat(DuesAllocationRules.validAmount(new BigDecimal("0.01"))).isTrue();
        assertThat(DuesAllocationRules.validAmount(new BigDecimal("1200.50"))).isTrue();
        assertThat(DuesAllocationRules.validAmount(BigDecimal.ZERO)).isFalse();
        assertThat(DuesAllocationRules.validAmount(new BigDecimal("-5"))).isFalse();
        assertThat(DuesAllocationRules.validAmount(new BigDecimal("1.005"))).isFalse();
        assertThat(DuesAllocationRules.validAmount(null)).isFalse();
    }

    @Test
    @DisplayName("§5: only a superior allocates — the recipient lies strictly below the allocating committee")
    void onlyDownward() {
        String county = "00000001";
        String township = county + "00000002";
        String branch = township + "00000003";
        assertThat(DuesAllocationRules.below(township, branch)).isTrue();
        assertThat(DuesAllocationRules.below(county, branch)).isTrue();
        assertThat(DuesAllocationRules.below(branch, branch)).isFalse();
        assertThat(DuesAllocationRules.below(branch, township)).isFalse();
        assertThat(DuesAllocationRules.below(county + "00000009", branch)).isFalse();
    }

    @Test
    @DisplayName("append-only ledger (architecture: a correction is a reversing entry): one reversal of an allocation only")
    void reversals() {
        assertThat(DuesAllocationRules.reversible(AllocationKind.ALLOCATE, false)).isTrue();
        assertThat(DuesAllocationRules.reversible(AllocationKind.ALLOCATE, true)).isFalse();
        assertThat(DuesAllocationRules.reversible(AllocationKind.REVERSAL, false)).isFalse();
    }
}
