package io.zhibu.org.web;

import io.zhibu.shared.DataScope;
import io.zhibu.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class OrgNav {
    @Bean
    NavItem orgNavItem() {
        return new NavItem("nav-orgs", "nav.orgs", "/orgs", 10, DataScope::canReadOrgs);
    }
}
