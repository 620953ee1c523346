package io.zhibu.disclosure.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/** 公开 QR links open without a user: read-only GETs, the unguessable token is the only key. */
@Configuration
class PublicDisclosureSecurity {
    @Bean
    @Order(0) // before the API chain (order 1), which would ask for a bearer token
    SecurityFilterChain publicDisclosures(HttpSecurity http) throws Exception {
        http.securityMatcher("/public/disclosures/**", "/api/v1/disclosures/public/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.GET, "/public/disclosures/**",
                        "/api/v1/disclosures/public/**").permitAll().anyRequest().denyAll());
        return http.build();
    }
}
