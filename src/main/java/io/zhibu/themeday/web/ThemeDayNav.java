package io.zhibu.themeday.web;

import io.zhibu.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Menu entry of the 主题党日 library (everyone with an organization). */
@Configuration
class ThemeDayNav {
    @Bean
    NavItem themeDayNavItem() {
        return new NavItem("nav-theme-days", "nav.themeDays", "/theme-days", 67, s -> s.canReadOrgs() && s.scopeOrgId() != null);
    }
}
