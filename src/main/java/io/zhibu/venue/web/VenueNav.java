package io.zhibu.venue.web;

import io.zhibu.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Menu entry of the venue register (organizations' readers, like the assessment section). */
@Configuration
class VenueNav {
    @Bean
    NavItem venueNavItem() {
        // an account without an organization of its own (the platform admin) has no register to open
        return new NavItem("nav-venues", "nav.venues", "/venues", 63,
                s -> !s.selfOnly() && s.scopeOrgId() != null && s.canReadOrgs() && s.canReadRoster());
    }
}
