package io.zhibu.command.web;

import io.zhibu.shared.Role;
import io.zhibu.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class CommandNav {
    @Bean
    NavItem taskNavItem() {
        return new NavItem("nav-tasks", "command.nav.tasks", "/tasks", 17,
                s -> s.canManageOrgs() && s.scopeOrgId() != null);
    }

    @Bean
    NavItem taskInboxNavItem() {
        return new NavItem("nav-task-inbox", "command.nav.inbox", "/tasks/inbox", 18,
                s -> (s.role() == Role.BRANCH_SECRETARY || s.role() == Role.ORG_STAFF) && s.scopeOrgId() != null);
    }

}
