package io.zhibu.points.web;

import io.zhibu.shared.DataScope;
import io.zhibu.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class PointsNav {
    @Bean
    NavItem pointsNavItem() {
        return new NavItem("nav-points", "nav.points", "/points", 45, DataScope::canReadRoster);
    }

    @Bean
    NavItem activitiesNavItem() {
        return new NavItem("nav-activities", "nav.activities", "/points/activities", 46, DataScope::canReadRoster);
    }
}
