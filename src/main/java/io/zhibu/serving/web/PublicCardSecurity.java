package io.zhibu.serving.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/** 亮身份 cards open without a user: read-only GETs, the unguessable token is the only key. */
@Configuration
class PublicCardSecurity {
    @Bean
    @Order(1)
    SecurityFilterChain publicServingCards(HttpSecurity http) throws Exception {
        http.securityMatcher("/public/serving/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.GET, "/public/serving/cards/**").permitAll()
                        .anyRequest().denyAll());
        return http.build();
    }
}
