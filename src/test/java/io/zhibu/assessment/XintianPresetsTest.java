package io.zhibu.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.assessment.BranchFactSource.BranchFact;
import io.zhibu.assessment.StandardSystem.ScoringMode;
import io.zhibu.assessment.internal.PresetLibrary;
import io.zhibu.org.OrgDomain;
import io.zhibu.org.OrgType;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 point 1, Xintian (seed 003): “提出农村、社区、机关、学校、医卫、非公有制经济组织和社会组织、国有企业等7个领域
 * ‘五化’建设细则” — one preset per domain, the five aspects of the 五化, every item marked fact-derived (事实) or judged
 * (评议) and sourced to the report (报告) or to our own judgement (判断); the preset a branch gets follows its domain.
 */
class XintianPresetsTest {
    static final PresetLibrary LIB = new PresetLibrary();
    static final ApplicablePresets DEFAULTS = new ApplicablePresets(null);

    @Test
    @DisplayName("seven domains, seven 细则, each applicable to the branches of its domain (committees too)")
    void oneRulesetPerDomain() {
        Set<String> ids = new HashSet<>();
        for (OrgDomain d : OrgDomain.values()) {
            String branch = DEFAULTS.presetFor(ApplicablePresets.XINTIAN, OrgType.BRANCH, d);
            assertThat(DEFAULTS.presetFor(ApplicablePresets.XINTIAN, OrgType.COMMITTEE, d)).isEqualTo(branch);
            StandardSystem s = LIB.get(branch).orElseThrow();
            assertThat(s.domain()).as(branch).isEqualTo(d.name());
            assertThat(s.name()).startsWith("新田“五化”建设细则");
            ids.add(branch);
        }
        assertThat(ids).hasSize(7);
        assertThat(DEFAULTS.families()).contains(ApplicablePresets.XINTIAN, ApplicablePresets.MINHANG);
        assertThat(LIB.list()).extracting(AssessmentViews.PresetInfo::id).containsAll(ids);
    }

    @Test
    @DisplayName("the five aspects of the 五化, 100 points, valid, every item marked derived/judged and report/judgement")
    void fidelity() {
        Set<String> known = new HashSet<>(List.of("org.committee_complete", "org.election_on_time",
                "org.secretary_vacant_months", "meeting.three_one_rate", "meeting.theme_day_months", "meeting.org_life_held",
                "meeting.evaluation_held", "meeting.attendance_rate", "learning.hours_met_rate", "dues.collection_rate",
                "development.compliance_rate", "command.secretary_poor", "venue.tier"));
        for (OrgDomain d : OrgDomain.values()) {
            StandardSystem s = LIB.get(DEFAULTS.presetFor(ApplicablePresets.XINTIAN, OrgType.BRANCH, d)).orElseThrow();
            assertThat(s.aspects()).extracting(StandardSystem.Aspect::name)
                    .containsExactly("支部设置标准化", "组织生活正常化", "管理服务精细化", "工作制度体系化", "阵地建设规范化");
            StandardValidator.validate(s, known); // points add up to 100, tiers without gaps, facts known
            assertThat(s.note()).contains("新田", "7个领域", "报告未载细则条文");
            assertThat(s.items()).allSatisfy(i -> {
                assertThat(i.guidance()).matches(i.mode() == ScoringMode.DERIVED ? "^事实：.*" : "^评议：.*");
                assertThat(i.guidance()).containsAnyOf("报告", "判断", "R", "§");
            });
            // the report's own figures: 三会一课 落实率 99%, venues in three tiers
            assertThat(s.items()).anySatisfy(i -> {
                assertThat(i.fact()).isEqualTo("meeting.three_one_rate");
                assertThat(i.fullAt()).isEqualByComparingTo("99");
            });
            assertThat(s.items()).anySatisfy(i -> assertThat(i.fact()).isEqualTo("venue.tier"));
            assertThat(s.items().stream().filter(i -> i.mode() == ScoringMode.DERIVED).count()).isGreaterThanOrEqualTo(10);
        }
        // the domain's own rules differ: 四议两公开 only for villages, 两个覆盖 only for the two-new organizations
        assertThat(names("xintian-wuhua-rural")).anyMatch(n -> n.contains("四议两公开"));
        assertThat(names("xintian-wuhua-agency")).noneMatch(n -> n.contains("四议两公开"));
        assertThat(names("xintian-wuhua-nonpublic")).anyMatch(n -> n.contains("两个覆盖"));
    }

    @Test
    @DisplayName("a branch below the 达标 line gets no star (a weak-and-lax candidate); full facts reach the 达标 tier")
    void tiers() {
        StandardSystem s = LIB.get("xintian-wuhua-rural").orElseThrow();
        var none = BranchScoring.score(s, 2026, 1, Map.of(), new HashMap<>(), BranchScoring.Entries.NONE);
        assertThat(none.rating().stars()).isZero();
        Map<String, BranchFact> full = new HashMap<>();
        for (var i : s.items()) {
            if (i.mode() == ScoringMode.DERIVED) {
                full.put(i.fact(), new BranchFact(1, i.fact(), i.fullAt(), null));
            }
        }
        var derived = BranchScoring.score(s, 2026, 1, full, new HashMap<>(), BranchScoring.Entries.NONE);
        BigDecimal derivedPoints = s.items().stream().filter(i -> i.mode() == ScoringMode.DERIVED)
                .map(StandardSystem.Item::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(derived.rating().score()).isEqualByComparingTo(derivedPoints);
    }

    private static List<String> names(String id) {
        return LIB.get(id).orElseThrow().items().stream().map(StandardSystem.Item::name).toList();
    }
}
