package io.zhibu.dues.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/** Gateway callbacks come without a user: they are authenticated by their signature in DuesService. */
@Configuration
class DuesCallbackSecurity {
    @Bean
    @Order(0)
    SecurityFilterChain duesCallbacks(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/v1/dues/callbacks/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }
}
