package io.zhibu.warning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R3.4/R4.6 organization-life clock and R1.4 secretary 党龄, against their numbers. */
class OrgLifeAndTenureRulesTest {
    private static RuleSettings settings(WarningRule r) {
        return new WarningProperties(Map.of(), null, null, null, null).settings(r);
    }

    private static LocalDate day(String s) {
        return LocalDate.parse(s);
    }

    @Test
    @DisplayName("R3.4 6 consecutive months without organization life → 自行脱党 review; 3 months → alert")
    void orgLifeClock() {
        RuleSettings s = settings(WarningRule.NO_ORG_LIFE);
        assertThat(s.threshold("review")).isEqualTo(6);
        assertThat(s.threshold("alert")).isEqualTo(3);
        LocalDate today = day("2026-12-07");
        assertThat(NoOrgLifeRule.level(day("2026-06-07"), null, today, s)).isEqualTo("REVIEW");
        assertThat(NoOrgLifeRule.level(day("2026-06-08"), null, today, s)).isEqualTo("ALERT");
        assertThat(NoOrgLifeRule.level(day("2026-09-07"), null, today, s)).isEqualTo("ALERT");
        assertThat(NoOrgLifeRule.level(day("2026-09-08"), null, today, s)).isNull();
        // never took part: the clock runs from the first meeting the member was expected at
        assertThat(NoOrgLifeRule.level(null, day("2026-05-01"), today, s)).isEqualTo("REVIEW");
        assertThat(NoOrgLifeRule.level(null, day("2026-11-01"), today, s)).isNull();
        assertThat(NoOrgLifeRule.level(null, null, today, s)).isNull();
        assertThat(WarningRule.NO_ORG_LIFE.ruleRef()).isEqualTo("R3.4");
        assertThat(WarningRule.NO_ORG_LIFE.defaultSeverities().get("REVIEW")).isEqualTo(Severity.CRITICAL);
    }

    @Test
    @DisplayName("R1.4 a branch secretary needs ≥1 year of 党龄 (from the full-member date); a probationary member is short")
    void secretaryTenure() {
        RuleSettings s = settings(WarningRule.SECRETARY_TENURE);
        assertThat(s.threshold("years")).isEqualTo(1);
        LocalDate today = day("2026-12-07");
        assertThat(SecretaryTenureRule.level(day("2025-12-07"), today, s)).isNull();
        assertThat(SecretaryTenureRule.level(day("2025-12-08"), today, s)).isEqualTo("SHORT");
        assertThat(SecretaryTenureRule.level(null, today, s)).isEqualTo("SHORT");
        assertThat(SecretaryTenureRule.dueOn(day("2025-12-08"), s)).isEqualTo(day("2026-12-08"));
        assertThat(WarningRule.SECRETARY_TENURE.ruleRef()).isEqualTo("R1.4");
    }
}
