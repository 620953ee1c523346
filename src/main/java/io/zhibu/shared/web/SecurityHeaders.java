package io.zhibu.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every answer, pages, API and public links alike: Referrer-Policy (share and survey tokens in
 * URLs never leave the site in a Referer), Permissions-Policy (no camera, microphone, location …) and, when the
 * request came over HTTPS (directly or through a proxy's X-Forwarded-Proto), Strict-Transport-Security.
 */
@Configuration
public class SecurityHeaders {

    /** {@code zhibu.headers.*}: the header values; an empty value leaves the header out. */
    @ConfigurationProperties("zhibu.headers")
    public record Properties(@DefaultValue("same-origin") String referrerPolicy,
                             @DefaultValue("camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()")
                             String permissionsPolicy,
                             @DefaultValue("max-age=31536000; includeSubDomains") String hsts) {
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> securityHeadersFilter(Properties p) {
        OncePerRequestFilter f = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
                    throws ServletException, IOException {
                set(res, "Referrer-Policy", p.referrerPolicy());
                set(res, "Permissions-Policy", p.permissionsPolicy());
                if (req.isSecure()) {
                    set(res, "Strict-Transport-Security", p.hsts());
                }
                chain.doFilter(req, res);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> r = new FilterRegistrationBean<>(f);
        r.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        r.addUrlPatterns("/*");
        return r;
    }

    private static void set(HttpServletResponse res, String name, String value) {
        if (value != null && !value.isBlank() && !res.containsHeader(name)) {
            res.setHeader(name, value);
        }
    }
}
