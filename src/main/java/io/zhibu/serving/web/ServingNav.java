package io.zhibu.serving.web;

import io.zhibu.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Menu entry of 双报到 (members and their organizations). */
@Configuration
class ServingNav {
    @Bean
    NavItem servingNavItem() {
        // an account without an organization of its own (the platform admin) has no board to show
        return new NavItem("nav-serving", "nav.serving", "/serving", 64,
                s -> s.canReadRoster() && (s.selfOnly() || s.scopeOrgId() != null));
    }

    @Bean
    NavItem careNavItem() {
        return new NavItem("nav-care", "nav.care", "/serving/care", 65,
                s -> !s.selfOnly() && s.scopeOrgId() != null
                        && (s.canManageOrgs() || s.role() == io.zhibu.shared.Role.BRANCH_SECRETARY));
    }
}
