package io.zhibu.org.web;

import io.zhibu.shared.DataScope;
import io.zhibu.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class OrgTermNav {
    /** 换届提醒 for superiors (R1.8). */
    @Bean
    NavItem termReminderNavItem() {
        return new NavItem("nav-terms", "term.reminders.title", "/orgs/term-reminders", 15, DataScope::canManageOrgs);
    }
}
