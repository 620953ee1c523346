package io.zhibu.serving.web;

import io.zhibu.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Menu entries of 服务群众: 双报到, 亮身份, 困难帮扶 (members and their organizations), 暖心工程 (branch committees, superiors). */
@Configuration
class ServingNav {
    @Bean
    NavItem servingNavItem() {
        // the platform admin (no organization of its own) sees the board of the root (OrgService.getOrScopeRoot)
        return new NavItem("nav-serving", "nav.serving", "/serving", 64, s -> s.canReadRoster());
    }

    @Bean
    NavItem designationsNavItem() {
        return new NavItem("nav-designations", "nav.designations", "/serving/designations", 66,
                s -> s.canReadRoster());
    }

    @Bean
    NavItem aidNavItem() {
        return new NavItem("nav-aid", "nav.aid", "/serving/aid", 67,
                s -> s.selfOnly() || s.canManageOrgs() || s.role() == io.zhibu.shared.Role.BRANCH_SECRETARY);
    }

    @Bean
    NavItem careNavItem() {
        return new NavItem("nav-care", "nav.care", "/serving/care", 65,
                s -> !s.selfOnly()
                        && (s.canManageOrgs() || s.role() == io.zhibu.shared.Role.BRANCH_SECRETARY));
    }
}
