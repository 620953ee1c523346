package io.zhibu.learning.web;

import io.zhibu.shared.DataScope;
import io.zhibu.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class LearningNav {
    @Bean
    NavItem learningNavItem() {
        return new NavItem("nav-learning", "nav.learning", "/learning", 50, DataScope::canReadRoster);
    }

    @Bean
    NavItem quizNavItem() {
        return new NavItem("nav-quiz", "nav.quiz", "/learning/quiz", 51, DataScope::canReadRoster);
    }
}
