package io.zhibu.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.assessment.BranchFactSource.BranchFact;
import io.zhibu.assessment.BranchFactSource.FactDef;
import io.zhibu.assessment.BranchScoring.Entries;
import io.zhibu.assessment.internal.PresetLibrary;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Derived scores on hand-built facts with the Qingshen 6+X preset. */
class BranchScoringTest {
    static final StandardSystem QS = new PresetLibrary().get("qingshen-6x").orElseThrow();
    static final Map<String, FactDef> DEFS = new HashMap<>();

    static {
        for (String k : StandardValidatorTest.FACTS) {
            // survey rates have no default (as SurveyFactSource): no survey, no satisfaction veto
            DEFS.put(k, new FactDef(k, k.startsWith("survey.") ? null : BigDecimal.ZERO, "", "/x/{orgId}?y={year}"));
        }
    }

    static Map<String, BranchFact> facts(String... kv) {
        Map<String, BranchFact> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], new BranchFact(7, kv[i], new BigDecimal(kv[i + 1]), "detail " + kv[i]));
        }
        return m;
    }

    static Map<String, BranchFact> perfect() {
        return facts("org.committee_complete", "1", "org.election_on_time", "1", "meeting.three_one_rate", "100",
                "meeting.theme_day_months", "12", "dues.collection_rate", "100", "dues.members_in_arrears", "0",
                "development.compliance_rate", "100", "meeting.org_life_held", "1", "member.disciplined", "0",
                "survey.satisfaction_rate", "100");
    }

    static Entries judged(String each) {
        Map<String, BigDecimal> self = new HashMap<>();
        for (String code : new String[]{"B6a", "X1a", "X2a"}) {
            self.put(code, new BigDecimal(each));
        }
        return new Entries(self, Map.of(), Map.of(), Map.of(), Set.of());
    }

    @Test
    void perfectFactsAndFullJudgedScoresGiveFiveStars() {
        var s = BranchScoring.score(QS, 2026, 7, perfect(), DEFS, judged("10"));
        assertThat(s.rating().score()).isEqualByComparingTo("100");
        assertThat(s.derivedScore()).isEqualByComparingTo("70");
        assertThat(s.rating().stars()).isEqualTo(5);
        var item = s.breakdown().items().stream().filter(i -> i.code().equals("B2a")).findFirst().orElseThrow();
        assertThat(item.factValue()).isEqualByComparingTo("100");
        assertThat(item.factDetail()).isEqualTo("detail meeting.three_one_rate");
        assertThat(item.sourceLink()).isEqualTo("/x/7?y=2026");
    }

    @Test
    void derivedScoresFollowTheFacts() {
        Map<String, BranchFact> f = perfect();
        f.putAll(facts("meeting.three_one_rate", "75", "dues.collection_rate", "90", "dues.members_in_arrears", "2"));
        var s = BranchScoring.score(QS, 2026, 7, f, DEFS, judged("10"));
        // 三会一课 75% → 7.5 of 15; dues 90% → 2.5 of 5; 2 in arrears → 3 of 5: 100 − 7.5 − 2.5 − 2 = 88 → four stars
        assertThat(s.rating().score()).isEqualByComparingTo("88");
        assertThat(s.rating().stars()).isEqualTo(4);
    }

    @Test
    void missingFactsUseTheDefaultAndJudgedItemsWithoutEntryScoreZero() {
        var s = BranchScoring.score(QS, 2026, 7, Map.of(), DEFS, Entries.NONE);
        // only "members in arrears" (default 0 = none) earns its 5 points
        assertThat(s.rating().score()).isEqualByComparingTo("5");
        // score 5 < 60 → veto V1 (Qingshen 得分在60分以下), rate 0 < 50 → V2 (三会一课不落实)
        assertThat(s.rating().vetoes()).contains("V1", "V2");
        assertThat(s.rating().stars()).isZero();
    }

    @Test
    void vetoFromFactsAndFromTheAssessorBlockTheStar() {
        Map<String, BranchFact> f = perfect();
        f.putAll(facts("member.disciplined", "1"));
        var s = BranchScoring.score(QS, 2026, 7, f, DEFS, judged("10"));
        assertThat(s.rating().score()).isEqualByComparingTo("100");
        assertThat(s.rating().stars()).isZero();
        assertThat(s.rating().vetoes()).containsExactly("V3");
        assertThat(s.breakdown().tierText()).contains("V3");
        var marked = new Entries(judged("10").selfScores(), Map.of(), Map.of(), Map.of(), Set.of("V4"));
        assertThat(BranchScoring.score(QS, 2026, 7, perfect(), DEFS, marked).rating().vetoes()).containsExactly("V4");
    }

    @Test
    void aSpotCheckScoreOverridesDerivedAndSelfScores() {
        var e = new Entries(judged("10").selfScores(), Map.of(), Map.of("B2a", new BigDecimal("15"), "X1a", new BigDecimal("4")),
                Map.of("B2a", "会议记录不全", "X1a", "佐证不足"), Set.of());
        var s = BranchScoring.score(QS, 2026, 7, perfect(), DEFS, e);
        assertThat(s.rating().score()).isEqualByComparingTo("94");
        assertThat(s.rating().stars()).isEqualTo(4);
        var b2 = s.breakdown().items().stream().filter(i -> i.code().equals("B2a")).findFirst().orElseThrow();
        assertThat(b2.derived()).isEqualByComparingTo("15");
        assertThat(b2.checkReason()).isEqualTo("会议记录不全");
    }

    @Test
    void satisfactionBelowSixtyIsTheV5Veto() {
        Map<String, BranchFact> f = perfect();
        f.putAll(facts("survey.satisfaction_rate", "60.0"));
        // 60% is not a veto, but the satisfaction item (95 full, 60 zero) earns nothing: 90 → four stars
        var at60 = BranchScoring.score(QS, 2026, 7, f, DEFS, judged("10")).rating();
        assertThat(at60.vetoes()).isEmpty();
        assertThat(at60.stars()).isEqualTo(4);
        f.putAll(facts("survey.satisfaction_rate", "59.9"));
        var s = BranchScoring.score(QS, 2026, 7, f, DEFS, judged("10"));
        assertThat(s.rating().vetoes()).containsExactly("V5");
        assertThat(s.rating().stars()).isZero();
    }
}
