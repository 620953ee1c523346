package io.zhibu.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhibu.assessment.StandardSystem.*;
import io.zhibu.assessment.internal.PresetLibrary;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.Violation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Points add up, tiers without gaps or overlaps, facts known; every shipped preset is valid. */
class StandardValidatorTest {
    static final Set<String> FACTS = Set.of("meeting.three_one_rate", "meeting.theme_day_months", "meeting.org_life_held",
            "meeting.evaluation_held", "dues.collection_rate", "dues.members_in_arrears", "org.term_overdue",
            "org.election_on_time", "org.committee_complete", "org.secretary_vacant_months", "development.compliance_rate",
            "development.stalled_cases", "member.disciplined",
            "survey.satisfaction_rate", "survey.awareness_rate", "survey.participation_rate",
            "meeting.unqualified_members", "venue.tier", "venue.below_standard", "assessment.score",
            // published by learning, meeting and commandfacts (used by the Xintian presets)
            "learning.hours_met_rate", "meeting.attendance_rate", "command.secretary_poor");

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static StandardSystem system(String total, List<Tier> tiers, List<Veto> vetoes) {
        return new StandardSystem("T", "测试", "ALL", d(total), List.of(new Aspect("A", "方面", List.of(new Standard("S", "标准",
                List.of(new Item("i1", "三会一课", d("60"), ScoringMode.DERIVED, "meeting.three_one_rate", d("100"), d("0"), null),
                        new Item("i2", "阵地", d("40"), ScoringMode.JUDGED, null, null, null, null)))))), vetoes, tiers, null);
    }

    static List<String> codes(Runnable r) {
        try {
            r.run();
            return List.of();
        } catch (InvalidInputException e) {
            return e.violations().stream().map(Violation::code).toList();
        }
    }

    @Test
    void aValidSystemPasses() {
        StandardValidator.validate(system("100", StarRating.DEFAULT_TIERS, List.of()), FACTS);
    }

    @Test
    void pointsMustAddUpToTheTotal() {
        assertThat(codes(() -> StandardValidator.validate(system("90", StarRating.DEFAULT_TIERS, List.of()), FACTS)))
                .contains("assessment.points.sum");
    }

    @Test
    void tiersWithAGapOrAnOverlapAreRefused() {
        List<Tier> gap = List.of(new Tier(5, "五星", d("95"), null, null), new Tier(4, "四星", d("80"), d("94"), null));
        assertThat(codes(() -> StandardValidator.validate(system("100", gap, List.of()), FACTS))).containsExactly("assessment.tiers.gap");
        List<Tier> overlap = List.of(new Tier(5, "五星", d("95"), null, null), new Tier(4, "四星", d("80"), d("96"), null));
        assertThat(codes(() -> StandardValidator.validate(system("100", overlap, List.of()), FACTS))).containsExactly("assessment.tiers.overlap");
        List<Tier> stars = List.of(new Tier(4, "x", d("95"), null, null), new Tier(5, "y", d("80"), d("95"), null));
        assertThat(codes(() -> StandardValidator.validate(system("100", stars, List.of()), FACTS))).contains("assessment.tiers.stars");
        List<Tier> quota = List.of(new Tier(5, "五星", d("95"), null, 0));
        assertThat(codes(() -> StandardValidator.validate(system("100", quota, List.of()), FACTS))).contains("assessment.tiers.quota");
    }

    @Test
    void vetoesAndDerivedItemsMustNameAKnownFact() {
        List<Veto> v = List.of(new Veto("V1", "x", "nobody.knows", Comparison.LT, d("1")));
        assertThat(codes(() -> StandardValidator.validate(system("100", StarRating.DEFAULT_TIERS, v), FACTS)))
                .containsExactly("assessment.fact.unknown");
        assertThat(codes(() -> StandardValidator.validate(system("100", StarRating.DEFAULT_TIERS, v), Set.of())))
                .contains("assessment.fact.unknown");
        // a judged veto needs no fact
        StandardValidator.validate(system("100", StarRating.DEFAULT_TIERS, List.of(new Veto("V2", "阵地", null, null, null))), FACTS);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<Tier> gap = List.of(new Tier(5, "五星", d("95"), null, null), new Tier(4, "四星", d("80"), d("90"), null));
        List<Veto> v = List.of(new Veto("V1", "x", "nobody.knows", Comparison.LT, d("1")));
        assertThatThrownBy(() -> StandardValidator.validate(system("99", gap, v), FACTS))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations()).hasSize(3));
    }

    @Test
    void shippedPresetsAreValid() {
        PresetLibrary lib = new PresetLibrary();
        assertThat(lib.list()).extracting(AssessmentViews.PresetInfo::id).contains("jiaozuo-7", "qingshen-6x",
                "venue-3tier", "minhang-five-good-rural", "minhang-five-good-community", "minhang-five-good-nonpublic");
        for (var p : lib.list()) {
            StandardValidator.validate(lib.get(p.id()).orElseThrow(), FACTS);
        }
        assertThat(lib.get("jiaozuo-7").orElseThrow().aspects()).hasSize(7);
        assertThat(lib.get("venue-3tier").orElseThrow().aspects()).hasSize(5);
        assertThat(lib.get("venue-3tier").orElseThrow().tierList()).hasSize(3);
    }
}
