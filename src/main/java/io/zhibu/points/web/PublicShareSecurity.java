package io.zhibu.points.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/** Share links open without a user: read-only GETs, the unguessable token is the only key. */
@Configuration
class PublicShareSecurity {
    @Bean
    @Order(1)
    SecurityFilterChain publicActivities(HttpSecurity http) throws Exception {
        http.securityMatcher("/public/activities/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.GET, "/public/activities/**").permitAll()
                        .anyRequest().denyAll());
        return http.build();
    }
}
