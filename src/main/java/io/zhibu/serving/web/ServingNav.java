package io.zhibu.serving.web;

import io.zhibu.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Menu entry of 双报到 (members and their organizations). */
@Configuration
class ServingNav {
    @Bean
    NavItem servingNavItem() {
        // the platform admin (no organization of its own) sees the board of the root (OrgService.getOrScopeRoot)
        return new NavItem("nav-serving", "nav.serving", "/serving", 64, s -> s.canReadRoster());
    }

    @Bean
    NavItem careNavItem() {
        return new NavItem("nav-care", "nav.care", "/serving/care", 65,
                s -> !s.selfOnly()
                        && (s.canManageOrgs() || s.role() == io.zhibu.shared.Role.BRANCH_SECRETARY));
    }
}
