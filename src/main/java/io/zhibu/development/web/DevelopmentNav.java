package io.zhibu.development.web;

import io.zhibu.shared.DataScope;
import io.zhibu.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class DevelopmentNav {
    @Bean
    NavItem developmentNavItem() {
        return new NavItem("nav-development", "dev.nav", "/development", 30, DataScope::canManageMembers);
    }
}
