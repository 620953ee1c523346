package io.zhibu.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** 积分定星 tiers at their boundaries (default: 5★ ≥90, 4★ 80–89, 3★ 70–79, 2★ 60–69, 1★ below 60). */
class StarTiersTest {
    @Test
    void defaultTiersAtEveryBoundary() {
        StarTiers t = StarTiers.DEFAULT;
        assertThat(t.stars(0)).isEqualTo(1);
        assertThat(t.stars(59)).isEqualTo(1);
        assertThat(t.stars(60)).isEqualTo(2);
        assertThat(t.stars(69)).isEqualTo(2);
        assertThat(t.stars(70)).isEqualTo(3);
        assertThat(t.stars(79)).isEqualTo(3);
        assertThat(t.stars(80)).isEqualTo(4);
        assertThat(t.stars(89)).isEqualTo(4);
        assertThat(t.stars(90)).isEqualTo(5);
        assertThat(t.stars(500)).isEqualTo(5);
    }

    @Test
    void configuredTiersInAnyOrderAndNoStarBelowTheLowest() {
        StarTiers t = StarTiers.parse(" 80:4, 95:5 ,60:3");
        assertThat(t.stars(59)).isZero();
        assertThat(t.stars(60)).isEqualTo(3);
        assertThat(t.stars(94)).isEqualTo(4);
        assertThat(t.stars(95)).isEqualTo(5);
        assertThat(new PointsProperties(null, null, "95:5,80:4,60:3", null).tiers().stars(80)).isEqualTo(4);
        assertThatThrownBy(() -> StarTiers.parse("")).isInstanceOf(IllegalArgumentException.class);
    }
}
