package io.zhibu.transfer.web;

import io.zhibu.shared.DataScope;
import io.zhibu.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class TransferNav {
    @Bean
    NavItem transferNavItem() {
        return new NavItem("nav-transfers", "transfer.nav", "/transfers", 25, DataScope::canManageMembers);
    }
}
