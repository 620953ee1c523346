package io.zhibu.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhibu.assessment.BranchScoring.Entries;
import io.zhibu.assessment.StandardSystem.ScoringMode;
import io.zhibu.assessment.XItems.XItem;
import io.zhibu.assessment.internal.PresetLibrary;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Qingshen "6+X" (seed 004, rules.md §8.1): a branch's X items score within the preset's X allowance; total stays 100. */
class XItemsTest {
    static final StandardSystem QS = new PresetLibrary().get("qingshen-6x").orElseThrow();

    static BigDecimal total(StandardSystem s) {
        return s.items().stream().map(StandardSystem.Item::points).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    @DisplayName("the Qingshen preset reserves 20 of its 100 points for X (standards X1, X2)")
    void allowance() {
        assertThat(XItems.allowance(QS)).isEqualByComparingTo("20");
        assertThat(XItems.fits(new BigDecimal("20"), new BigDecimal("12"), new BigDecimal("8"))).isTrue();
        assertThat(XItems.fits(new BigDecimal("20"), new BigDecimal("12"), new BigDecimal("8.01"))).isFalse();
        assertThat(XItems.fits(new BigDecimal("20"), BigDecimal.ZERO, BigDecimal.ZERO)).isFalse();
    }

    @Test
    @DisplayName("approved X items replace the placeholders for that branch; the remainder keeps the total at 100")
    void branchSystem() {
        StandardSystem mine = XItems.forBranch(QS, List.of(
                new XItem(7, "茶产业党建", "支部+合作社", new BigDecimal("12"), "合作社台账")));
        assertThat(total(mine)).isEqualByComparingTo("100");
        assertThat(mine.items()).extracting(StandardSystem.Item::code).contains("BX7", "BX0").doesNotContain("X1a", "X2a");
        assertThat(mine.items()).filteredOn(i -> i.code().startsWith("BX"))
                .allSatisfy(i -> assertThat(i.mode()).isEqualTo(ScoringMode.JUDGED));
        assertThat(XItems.forBranch(QS, List.of())).isSameAs(QS);
        assertThatThrownBy(() -> XItems.forBranch(QS, List.of(new XItem(1, "a", "b", new BigDecimal("21"), "c"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a branch's judged X item scores from its self-check, the spot check overrides")
    void scored() {
        StandardSystem mine = XItems.forBranch(QS, List.of(new XItem(7, "茶产业党建", "c", new BigDecimal("20"), "e")));
        Entries self = new Entries(Map.of("BX7", new BigDecimal("18")), Map.of(), Map.of(), Map.of(), Set.of());
        Entries checked = new Entries(Map.of("BX7", new BigDecimal("18")), Map.of(), Map.of("BX7", new BigDecimal("15")),
                Map.of("BX7", "佐证不全"), Set.of());
        BigDecimal base = BranchScoring.score(mine, 2026, 1, Map.of(), Map.of(), Entries.NONE).rating().score();
        assertThat(BranchScoring.score(mine, 2026, 1, Map.of(), Map.of(), self).rating().score())
                .isEqualByComparingTo(base.add(new BigDecimal("18")));
        assertThat(BranchScoring.score(mine, 2026, 1, Map.of(), Map.of(), checked).rating().score())
                .isEqualByComparingTo(base.add(new BigDecimal("15")));
    }
}
