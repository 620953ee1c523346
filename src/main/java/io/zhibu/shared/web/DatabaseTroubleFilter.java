package io.zhibu.shared.web;

import io.zhibu.shared.db.DatabaseTrouble;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * The database down or restarting (issue 19, point 10): a request that fails for it before a controller runs — the
 * bearer-token check, the session's user — answers 503 with {@code Retry-After} (a problem detail in the request's
 * language for the API, the plain status for pages) instead of the container's 500. Once the database is back the
 * pool hands out fresh connections and requests succeed again, without an app restart.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class DatabaseTroubleFilter extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(DatabaseTroubleFilter.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ApiProblems problems;
    private final LocaleResolver locales;

    public DatabaseTroubleFilter(ApiProblems problems, LocaleResolver locales) {
        this.problems = problems;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            DatabaseTrouble trouble = DatabaseTrouble.of(e);
            if (trouble == null || response.isCommitted()) {
                throw e;
            }
            log.warn("request {} {} answered 503 ({}): {}", request.getMethod(), request.getRequestURI(), trouble,
                    e.toString());
            response.resetBuffer();
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader("Retry-After", "10");
            if (!ApiFallbackHandler.isApi(request)) {
                return;
            }
            org.springframework.context.i18n.LocaleContextHolder.setLocale(locales.resolveLocale(request));
            try {
                var p = problems.status(HttpStatus.SERVICE_UNAVAILABLE,
                        trouble == DatabaseTrouble.TIMEOUT ? "error.timeout" : "error.databaseUnavailable");
                java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
                body.put("type", "about:blank");
                body.put("title", p.getTitle());
                body.put("status", p.getStatus());
                body.put("detail", p.getDetail());
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write(JSON.writeValueAsString(body));
            } finally {
                org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
            }
        }
    }
}
