package io.zhibu.disclosure.web;

import io.zhibu.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Menu entry of 三务公开 (everyone with an organization: members read, secretaries publish). */
@Configuration
class DisclosureNav {
    @Bean
    NavItem disclosureNavItem() {
        return new NavItem("nav-disclosure", "nav.disclosure", "/disclosures", 66,
                s -> s.canReadOrgs() && s.scopeOrgId() != null);
    }
}
