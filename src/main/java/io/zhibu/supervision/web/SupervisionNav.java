package io.zhibu.supervision.web;

import io.zhibu.shared.DataScope;
import io.zhibu.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class SupervisionNav {
    @Bean
    NavItem supervisionNavItem() {
        return new NavItem("nav-supervision", "nav.supervision", "/supervision", 15,
                s -> s.canReadRoster() && !s.selfOnly());
    }
}
