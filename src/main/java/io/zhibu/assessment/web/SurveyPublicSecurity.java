package io.zhibu.assessment.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The anonymous survey pages answer without login (like the dues gateway callbacks): the form keeps CSRF
 * protection; the JSON answer endpoint carries no session and so needs none.
 */
@Configuration
class SurveyPublicSecurity {
    @Bean
    @Order(0)
    SecurityFilterChain surveyPublic(HttpSecurity http) throws Exception {
        RequestMatcher json = r -> r.getRequestURI().endsWith("/answers");
        http.securityMatcher("/survey/**")
                .csrf(c -> c.ignoringRequestMatchers(json))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")));
        return http.build();
    }
}
