package io.zhibu.assessment.web;

import io.zhibu.shared.DataScope;
import io.zhibu.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class AssessmentNav {
    @Bean
    NavItem assessmentNavItem() {
        return new NavItem("nav-assessment", "nav.assessment", "/assessment", 60,
                s -> !s.selfOnly() && s.canReadOrgs() && s.canReadRoster());
    }
}
