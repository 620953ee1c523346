package io.zhibu.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.assessment.internal.PresetLibrary;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Minhang 五好 application gate (seed 001): any one of the four high-voltage lines bars the application. */
class FiveGoodGateTest {
    static final StandardSystem MH = new PresetLibrary().get("minhang-five-good-rural").orElseThrow();

    @Test
    @DisplayName("a clean branch may apply")
    void clean() {
        var v = FiveGoodGate.check(MH, Map.of("meeting.unqualified_members", BigDecimal.ZERO,
                "member.disciplined", BigDecimal.ZERO), Set.of());
        assertThat(v.mayApply()).isTrue();
    }

    @Test
    @DisplayName("one unqualified member, one disciplined member or a marked major criminal case each bars it, named")
    void eachLineBars() {
        assertThat(FiveGoodGate.check(MH, Map.of("meeting.unqualified_members", BigDecimal.ONE), Set.of()).hit())
                .extracting(StandardSystem.Veto::name).containsExactly("有不合格党员");
        assertThat(FiveGoodGate.check(MH, Map.of("member.disciplined", BigDecimal.ONE), Set.of()).hit())
                .extracting(StandardSystem.Veto::name).containsExactly("有违纪违法党员");
        assertThat(FiveGoodGate.check(MH, Map.of(), Set.of("V4")).hit())
                .extracting(StandardSystem.Veto::name).containsExactly("发生重大治安和刑事案件");
    }

    @Test
    @DisplayName("the family-planning line is kept but disabled (policy changed in 2021): marking it never bars")
    void familyPlanningDisabled() {
        assertThat(FiveGoodGate.check(MH, Map.of(), Set.of("V3")).mayApply()).isTrue();
    }
}
