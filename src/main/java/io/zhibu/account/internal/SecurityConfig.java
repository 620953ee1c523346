package io.zhibu.account.internal;

import io.zhibu.account.AccountService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/** Two chains: stateless bearer-token API under /api, session + form login (with CSRF) for pages. */
@Configuration
public class SecurityConfig {

    /** Delegating encoder: bcrypt for new hashes, older schemes still verify (upgrade path to SM3/Argon2). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * No Spring Security observations (issue 20): with the actuator's observation registry present, every request
     * had each of the chain's ~15 filters wrapped in an observation (ObservationFilterChainDecorator, in the profile
     * of the token check). The request itself is still observed ({@code http.server.requests}).
     */
    @Bean
    static org.springframework.security.config.observation.SecurityObservationSettings securityObservationSettings() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AccountService accounts, TokenCache tokenCache,
                            io.zhibu.shared.web.Messages messages)
            throws Exception {
        http.securityMatcher("/api/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/login", "/api/v1/auth/activate",
                                "/api/v1/auth/mfa").permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(new BearerTokenFilter(accounts, tokenCache), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new AccountGuardFilter(messages), BearerTokenFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problem(res, HttpStatus.UNAUTHORIZED, "Authentication required"))
                        .accessDeniedHandler((req, res, ex) -> problem(res, HttpStatus.FORBIDDEN, "Access denied")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, io.zhibu.shared.web.Messages messages) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/activate", "/webjars/**", "/css/**", "/js/**", "/app/**", "/sw.js", "/favicon.ico", "/error",
                                "/actuator/health", "/actuator/health/**", "/swagger-ui.html", "/swagger-ui/**",
                                "/v3/api-docs", "/v3/api-docs/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", true).failureUrl("/login?error").permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .addFilterBefore(new AccountGuardFilter(messages),
                        org.springframework.security.web.access.intercept.AuthorizationFilter.class)
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")));
        return http.build();
    }

    private static void problem(jakarta.servlet.http.HttpServletResponse res, HttpStatus status, String title)
            throws java.io.IOException {
        res.setStatus(status.value());
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        res.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value() + "}");
    }

}
