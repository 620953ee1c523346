package io.zhibu.warning.web;

import io.zhibu.shared.Role;
import io.zhibu.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class WarningNav {
    @Bean
    NavItem todoNavItem() {
        return new NavItem("nav-todos", "nav.todos", "/todos", 5,
                s -> s.role() != Role.SECURITY_ADMIN && s.role() != Role.AUDITOR);
    }

    @Bean
    NavItem warningNavItem() {
        return new NavItem("nav-warnings", "nav.warnings", "/warnings", 70, s -> !s.selfOnly() && s.canManageMembers());
    }
}
