package io.zhibu.venue.web;

import io.zhibu.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Menu entry of the venue register (organizations' readers, like the assessment section). */
@Configuration
class VenueNav {
    @Bean
    NavItem venueNavItem() {
        // the platform admin (no organization of its own) opens the register of the root (OrgService.getOrScopeRoot)
        return new NavItem("nav-venues", "nav.venues", "/venues", 63,
                s -> !s.selfOnly() && s.canReadOrgs() && s.canReadRoster());
    }
}
