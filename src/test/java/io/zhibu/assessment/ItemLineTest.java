package io.zhibu.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.assessment.BranchFactSource.BranchFact;
import io.zhibu.assessment.BranchScoring.Entries;
import io.zhibu.assessment.internal.ItemLine;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The compact item line rebuilds the same explanation the scoring produced (what the result page shows). */
class ItemLineTest {
    @Test
    void roundTrip() {
        Map<String, BranchFact> f = BranchScoringTest.perfect();
        f.putAll(BranchScoringTest.facts("meeting.three_one_rate", "75", "member.disciplined", "1"));
        Entries e = new Entries(Map.of("X1a", new BigDecimal("8")), Map.of("X1a", "自评"), Map.of("B6a", new BigDecimal("6")),
                Map.of("B6a", "佐证不足"), Set.of());
        var s = BranchScoring.score(BranchScoringTest.QS, 2026, 7, f, BranchScoringTest.DEFS, e);
        String line = ItemLine.encode(s.breakdown(), s.rating().rule());
        assertThat(line.length()).isLessThan(400);
        var back = ItemLine.explain(line, BranchScoringTest.QS, 2026, 7, new HashSet<>(s.rating().vetoes()),
                BranchScoringTest.DEFS, f, e, s.breakdown().tierText());
        assertThat(back).isEqualTo(s.breakdown());
        // a fact that changed since scoring keeps the scored value and drops the (now wrong) detail text
        Map<String, BranchFact> now = BranchScoringTest.perfect();
        var later = ItemLine.explain(line, BranchScoringTest.QS, 2026, 7, new HashSet<>(s.rating().vetoes()),
                BranchScoringTest.DEFS, now, e, s.breakdown().tierText());
        var b2 = later.items().stream().filter(i -> i.code().equals("B2a")).findFirst().orElseThrow();
        assertThat(b2.factValue()).isEqualByComparingTo("75");
        assertThat(b2.factDetail()).isNull();
    }
}
