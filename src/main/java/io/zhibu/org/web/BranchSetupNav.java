package io.zhibu.org.web;

import io.zhibu.shared.DataScope;
import io.zhibu.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class BranchSetupNav {
    /** 成立党支部 requests (R1.1) for the staff who apply and the superior committees who decide. */
    @Bean
    NavItem branchSetupNavItem() {
        return new NavItem("nav-setup", "nav.setupRequests", "/orgs/setup-requests", 16, DataScope::canManageOrgs);
    }
}
