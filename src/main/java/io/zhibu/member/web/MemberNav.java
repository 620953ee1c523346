package io.zhibu.member.web;

import io.zhibu.shared.DataScope;
import io.zhibu.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class MemberNav {
    @Bean
    NavItem memberNavItem() {
        return new NavItem("nav-members", "nav.members", "/members", 20, DataScope::canReadRoster);
    }
}
