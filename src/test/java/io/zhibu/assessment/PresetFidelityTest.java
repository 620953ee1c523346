package io.zhibu.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.assessment.BranchFactSource.BranchFact;
import io.zhibu.assessment.BranchFactSource.FactDef;
import io.zhibu.assessment.StandardSystem.ScoringMode;
import io.zhibu.assessment.internal.PresetLibrary;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 18 point 1: the presets say what the source reports say (seeds 000 Jiaozuo, 001 Minhang, 004 Qingshen). */
class PresetFidelityTest {
    static final PresetLibrary LIB = new PresetLibrary();

    @Test
    @DisplayName("Jiaozuo: the 7 aspects named as the report and 42 standards, each derived or judged")
    void jiaozuo() {
        StandardSystem s = LIB.get("jiaozuo-7").orElseThrow();
        assertThat(s.aspects()).extracting(StandardSystem.Aspect::name).containsExactly("组织体系设置", "支部班子建设",
                "党员教育管理", "支部组织生活", "支部阵地建设", "支部议事决策", "档案资料管理");
        assertThat(s.aspects().stream().mapToInt(a -> a.standards().size()).sum()).isEqualTo(42);
        assertThat(s.items()).allSatisfy(i -> assertThat(i.mode()).isNotNull());
        assertThat(s.items().stream().filter(i -> i.mode() == ScoringMode.DERIVED)).isNotEmpty();
        assertThat(s.items()).allSatisfy(i -> assertThat(i.guidance()).matches("^(事实|评议)：.*"));
    }

    @Test
    @DisplayName("Minhang: six domains, each with the four high-voltage lines; the family-planning line kept but disabled")
    void minhang() {
        List<String> ids = List.of("rural", "community", "nonpublic", "agency", "institution", "committee");
        for (String id : ids) {
            StandardSystem s = LIB.get("minhang-five-good-" + id).orElseThrow();
            assertThat(s.allVetoes()).extracting(StandardSystem.Veto::name)
                    .containsExactly("有不合格党员", "有违纪违法党员", "有超计划生育", "发生重大治安和刑事案件");
            StandardSystem.Veto family = s.allVetoes().get(2);
            assertThat(family.active()).isFalse();
            assertThat(family.note()).contains("2021");
            assertThat(s.vetoList()).hasSize(3).noneMatch(v -> v.name().contains("计划生育"));
        }
        assertThat(LIB.get("minhang-five-good-institution").orElseThrow().domain()).isEqualTo("SCHOOL,HOSPITAL");
    }

    @Test
    @DisplayName("Qingshen: 7 aspects of the report and its five no-star conditions as vetoes")
    void qingshen() {
        StandardSystem s = LIB.get("qingshen-6x").orElseThrow();
        assertThat(s.aspects()).extracting(StandardSystem.Aspect::name).containsExactly("组织建设", "队伍建设", "制度建设",
                "阵地建设", "活动开展", "工作实绩", "群众满意度测评");
        assertThat(s.vetoList()).extracting(StandardSystem.Veto::fact).containsExactly(StandardSystem.SCORE_FACT,
                "meeting.three_one_rate", "member.disciplined", "venue.below_standard", "survey.satisfaction_rate");
        assertThat(s.tierList()).extracting(StandardSystem.Tier::min).extracting(BigDecimal::intValue).containsExactly(95, 80, 60);
    }

    @Test
    @DisplayName("Qingshen V1: a score below 60 is a veto on its own; a disabled veto never hits")
    void scoreVetoAndDisabledVeto() {
        StandardSystem qs = LIB.get("qingshen-6x").orElseThrow();
        Map<String, FactDef> defs = new HashMap<>();
        var scored = BranchScoring.score(qs, 2026, 1, Map.of("meeting.three_one_rate",
                new BranchFact(1, "meeting.three_one_rate", new BigDecimal("100"), null)), defs, BranchScoring.Entries.NONE);
        assertThat(scored.rating().score()).isLessThan(new BigDecimal("60"));
        assertThat(scored.rating().vetoes()).contains("V1").doesNotContain("V2");
        StandardSystem mh = LIB.get("minhang-five-good-rural").orElseThrow();
        var marked = new BranchScoring.Entries(Map.of(), Map.of(), Map.of(), Map.of(), java.util.Set.of("V3"));
        assertThat(BranchScoring.score(mh, 2026, 1, Map.of(), defs, marked).breakdown().vetoes())
                .noneMatch(v -> v.code().equals("V3"));
    }
}
