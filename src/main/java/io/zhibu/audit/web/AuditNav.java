package io.zhibu.audit.web;

import io.zhibu.shared.DataScope;
import io.zhibu.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class AuditNav {
    @Bean
    NavItem auditNavItem() {
        return new NavItem("nav-audit", "nav.audit", "/audit", 900, DataScope::canReadAudit);
    }
}
