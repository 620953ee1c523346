package io.zhibu.account.web;

import io.zhibu.shared.Role;
import io.zhibu.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class AccountNav {
    @Bean
    NavItem accountsNavItem() {
        return new NavItem("nav-accounts", "nav.accounts", "/accounts", 950,
                s -> s.role() == Role.SECURITY_ADMIN || s.role() == Role.BRANCH_SECRETARY);
    }
}
