package io.zhibu.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.supervision.Dashboard;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The dashboard's 双报到 rate: members reported over the members of the in-service domains (per mille). */
class ServingRateTest {
    @Test
    @DisplayName("reported over the members of 机关、事业单位、国企 branches; none → no rate; never above 100%")
    void rate() {
        assertThat(Dashboard.servingRate(Map.of("serving.reported", 30L, "member.domain.AGENCY", 100L,
                "member.domain.SCHOOL", 50L, "member.domain.HOSPITAL", 30L, "member.domain.STATE_ENTERPRISE", 20L,
                "member.domain.COMMUNITY", 500L))).isEqualTo(150);
        assertThat(Dashboard.servingRate(Map.of("member.domain.COMMUNITY", 500L))).isNull();
        assertThat(Dashboard.servingRate(Map.of("serving.reported", 12L, "member.domain.AGENCY", 10L))).isEqualTo(1000);
    }
}
