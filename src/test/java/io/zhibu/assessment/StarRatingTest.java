package io.zhibu.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.assessment.StandardSystem.Item;
import io.zhibu.assessment.StandardSystem.ScoringMode;
import io.zhibu.assessment.StandardSystem.Tier;
import io.zhibu.assessment.StandardSystem.Veto;
import io.zhibu.assessment.StandardSystem.Comparison;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tier boundaries, vetoes, quotas and derived points (rules.md §8.1; Qingshen scheme of the product brief). */
class StarRatingTest {
    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @ParameterizedTest
    @CsvSource({"100,5", "95,5", "95.00,5", "94.99,4", "80,4", "79.99,3", "60,3", "59.99,0", "0,0"})
    void qingshenTierBoundaries(String score, int stars) {
        assertThat(StarRating.rate(d(score), StarRating.DEFAULT_TIERS, List.of()).stars()).isEqualTo(stars);
    }

    @Test
    void anyVetoMeansNoStarWhateverTheScore() {
        StarRating.Rating r = StarRating.rate(d("99.5"), StarRating.DEFAULT_TIERS, List.of("V1"));
        assertThat(r.stars()).isZero();
        assertThat(r.rule()).isEqualTo(StarRating.Rule.VETO);
        assertThat(r.vetoes()).containsExactly("V1");
        assertThat(StarRating.rate(d("59.99"), StarRating.DEFAULT_TIERS, List.of()).rule()).isEqualTo(StarRating.Rule.BELOW);
    }

    @Test
    void eachVetoCondition() {
        // no org-life meeting; 三会一课 largely not held; member disciplined; satisfaction below 60%
        assertThat(StarRating.hit(new Veto("V1", "x", "meeting.org_life_held", Comparison.EQ, d("0")), d("0"))).isTrue();
        assertThat(StarRating.hit(new Veto("V1", "x", "meeting.org_life_held", Comparison.EQ, d("0")), d("1"))).isFalse();
        assertThat(StarRating.hit(new Veto("V2", "x", "meeting.three_one_rate", Comparison.LT, d("50")), d("49.99"))).isTrue();
        assertThat(StarRating.hit(new Veto("V2", "x", "meeting.three_one_rate", Comparison.LT, d("50")), d("50"))).isFalse();
        assertThat(StarRating.hit(new Veto("V3", "x", "member.disciplined", Comparison.GE, d("1")), d("1"))).isTrue();
        assertThat(StarRating.hit(new Veto("V3", "x", "member.disciplined", Comparison.GE, d("1")), d("0"))).isFalse();
        assertThat(StarRating.hit(new Veto("V4", "x", "org.term_overdue", Comparison.EQ, d("1")), d("1"))).isTrue();
        assertThat(StarRating.hit(new Veto("V5", "x", "survey.satisfaction", Comparison.LT, d("60")), d("59.9"))).isTrue();
        assertThat(StarRating.hit(new Veto("V5", "x", "survey.satisfaction", Comparison.LE, d("60")), null)).isFalse();
        // a judged veto never hits from facts
        assertThat(StarRating.hit(new Veto("V6", "阵地不达标", null, null, null), d("0"))).isFalse();
    }

    @Test
    void derivedPointsAreLinearAndClamped() {
        Item rate = new Item("a", "三会一课", d("20"), ScoringMode.DERIVED, "meeting.three_one_rate", d("100"), d("50"), null);
        assertThat(StarRating.derivedPoints(rate, d("100"))).isEqualByComparingTo("20");
        assertThat(StarRating.derivedPoints(rate, d("75"))).isEqualByComparingTo("10");
        assertThat(StarRating.derivedPoints(rate, d("40"))).isEqualByComparingTo("0");
        assertThat(StarRating.derivedPoints(rate, d("66.67"))).isEqualByComparingTo("6.67");
        Item arrears = new Item("b", "欠缴人数", d("5"), ScoringMode.DERIVED, "dues.members_in_arrears", d("0"), d("5"), null);
        assertThat(StarRating.derivedPoints(arrears, d("0"))).isEqualByComparingTo("5");
        assertThat(StarRating.derivedPoints(arrears, d("2"))).isEqualByComparingTo("3");
        assertThat(StarRating.derivedPoints(arrears, d("9"))).isEqualByComparingTo("0");
    }

    @Test
    void quotasPushTheSurplusDownByScore() {
        List<Tier> tiers = List.of(new Tier(5, "五星", d("90"), null, 30), new Tier(4, "四星", d("80"), d("90"), null),
                new Tier(3, "三星", d("70"), d("80"), null));
        Map<Long, StarRating.Rating> in = new HashMap<>();
        String[] scores = {"99", "98", "97", "96", "91", "85", "75", "72", "65", "50"};
        for (int i = 0; i < scores.length; i++) {
            in.put((long) i + 1, StarRating.rate(d(scores[i]), tiers, List.of()));
        }
        Map<Long, StarRating.Rating> out = StarRating.applyQuotas(in, tiers);
        // 30% of 10 = 3 five-star places: the three best keep five stars, 96 and 91 drop to four
        assertThat(out.get(1L).stars()).isEqualTo(5);
        assertThat(out.get(3L).stars()).isEqualTo(5);
        assertThat(out.get(4L).stars()).isEqualTo(4);
        assertThat(out.get(4L).rule()).isEqualTo(StarRating.Rule.QUOTA);
        assertThat(out.get(5L).stars()).isEqualTo(4);
        assertThat(out.get(6L).stars()).isEqualTo(4);
        assertThat(out.get(6L).rule()).isEqualTo(StarRating.Rule.TIER);
        assertThat(out.get(10L).stars()).isZero();
        // a tie at the quota line: the lower org id keeps the place
        Map<Long, StarRating.Rating> tie = new HashMap<>();
        for (long id = 1; id <= 10; id++) {
            tie.put(id, StarRating.rate(d(id <= 4 ? "95" : "70"), tiers, List.of()));
        }
        Map<Long, StarRating.Rating> t = StarRating.applyQuotas(tie, tiers);
        assertThat(t.values().stream().filter(r -> r.stars() == 5).count()).isEqualTo(3);
        assertThat(t.get(4L).stars()).isEqualTo(4);
    }

    @Test
    void noQuotaChangesNothing() {
        Map<Long, StarRating.Rating> in = Map.of(1L, StarRating.rate(d("99"), StarRating.DEFAULT_TIERS, List.of()),
                2L, StarRating.rate(d("98"), StarRating.DEFAULT_TIERS, List.of()));
        assertThat(StarRating.applyQuotas(in, StarRating.DEFAULT_TIERS)).isEqualTo(in);
    }

    @Test
    void quotasRankByScoreWhateverTheOrderOfIdsAndTiers() {
        // tiers listed lowest first, and the best scores carry the highest ids: the quota still goes by score
        List<Tier> tiers = List.of(new Tier(3, "三星", d("70"), d("80"), null), new Tier(4, "四星", d("80"), d("90"), null),
                new Tier(5, "五星", d("90"), null, 20));
        Map<Long, StarRating.Rating> in = new java.util.LinkedHashMap<>();
        String[] scores = {"91", "92", "93", "94", "95", "75", "75", "75", "75", "75"};
        for (int i = 0; i < scores.length; i++) {
            in.put((long) i + 1, StarRating.rate(d(scores[i]), tiers, List.of()));
        }
        Map<Long, StarRating.Rating> out = StarRating.applyQuotas(in, tiers);
        // 20% of 10 = 2 five-star places: 95 (id 5) and 94 (id 4)
        assertThat(out.get(5L).stars()).isEqualTo(5);
        assertThat(out.get(4L).stars()).isEqualTo(5);
        assertThat(out.get(3L).stars()).isEqualTo(4);
        assertThat(out.get(1L).stars()).isEqualTo(4);
        assertThat(out.get(1L).rule()).isEqualTo(StarRating.Rule.QUOTA);
        assertThat(out.get(6L).stars()).isEqualTo(3);
    }

    @Test
    void whenNoTierHasRoomTheBranchGetsNoStar() {
        // every tier capped at 10% of 10 branches = 1 place each: the fourth-best qualifying branch gets no star
        List<Tier> tiers = List.of(new Tier(5, "五星", d("90"), null, 10), new Tier(4, "四星", d("80"), d("90"), 10),
                new Tier(3, "三星", d("70"), d("80"), 10));
        Map<Long, StarRating.Rating> in = new HashMap<>();
        String[] scores = {"99", "98", "97", "96", "50", "50", "50", "50", "50", "50"};
        for (int i = 0; i < scores.length; i++) {
            in.put((long) i + 1, StarRating.rate(d(scores[i]), tiers, List.of()));
        }
        Map<Long, StarRating.Rating> out = StarRating.applyQuotas(in, tiers);
        assertThat(out.get(1L).stars()).isEqualTo(5);
        assertThat(out.get(2L).stars()).isEqualTo(4);
        assertThat(out.get(3L).stars()).isEqualTo(3);
        assertThat(out.get(4L).stars()).isZero();
        assertThat(out.get(4L).tier()).isNull();
        assertThat(out.get(4L).rule()).isEqualTo(StarRating.Rule.QUOTA);
        assertThat(out.get(5L)).isEqualTo(in.get(5L));
    }

    @Test
    void withoutTiersQuotasChangeNothing() {
        Map<Long, StarRating.Rating> in = Map.of(1L, StarRating.rate(d("99"), StarRating.DEFAULT_TIERS, List.of()));
        assertThat(StarRating.applyQuotas(in, List.of())).isEqualTo(in);
    }

    @Test
    void tierRangesAreHalfOpenWhateverTheirOrder() {
        List<Tier> ascending = List.of(StarRating.DEFAULT_TIERS.get(2), StarRating.DEFAULT_TIERS.get(1),
                StarRating.DEFAULT_TIERS.get(0));
        assertThat(StarRating.tierOf(d("80"), ascending).stars()).isEqualTo(4);
        assertThat(StarRating.tierOf(d("95"), ascending).stars()).isEqualTo(5);
        assertThat(StarRating.tierOf(d("59.99"), ascending)).isNull();
        assertThat(StarRating.lowestTierMin(StarRating.DEFAULT_TIERS)).isEqualByComparingTo("60");
        assertThat(StarRating.lowestTierMin(List.of())).isNull();
    }

    @Test
    void aYesNoFactGivesAllOrNothing() {
        // zeroAt = fullAt: the item is met exactly at that value; a missing fact gives no points
        Item held = new Item("c", "按期换届", d("10"), ScoringMode.DERIVED, "org.term_on_time", d("1"), d("1"), null);
        assertThat(StarRating.derivedPoints(held, d("1"))).isEqualByComparingTo("10");
        assertThat(StarRating.derivedPoints(held, d("0"))).isEqualByComparingTo("0");
        assertThat(StarRating.derivedPoints(held, null)).isEqualByComparingTo("0").hasScaleOf(2);
    }
}
