package io.zhibu.dues.web;

import io.zhibu.shared.DataScope;
import io.zhibu.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class DuesNav {
    @Bean
    NavItem duesNavItem() {
        return new NavItem("nav-dues", "nav.dues", "/dues", 40, DataScope::canReadRoster);
    }
}
