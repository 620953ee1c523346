package io.zhibu.meeting.web;

import io.zhibu.shared.DataScope;
import io.zhibu.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class MeetingNav {
    @Bean
    NavItem meetingNavItem() {
        return new NavItem("nav-meetings", "nav.meetings", "/meetings", 40, DataScope::canReadRoster);
    }
}
