package io.zhibu.account.internal;

import io.zhibu.account.Restriction;
import io.zhibu.shared.web.Messages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds a signed-in user to what they must do first: change an expired password, enrol the second factor, enter
 * the second-factor code (pages), or — 停止党籍 — only read. API calls get 403 with the reason; pages are sent to the
 * page that lifts the restriction.
 */
public class AccountGuardFilter extends OncePerRequestFilter {
    private static final Set<String> ALWAYS = Set.of("/api/v1/auth/logout", "/logout", "/error", "/favicon.ico",
            "/login", "/activate");
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final Messages messages;

    public AccountGuardFilter(Messages messages) {
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!(auth != null && auth.getPrincipal() instanceof ZhibuPrincipal p) || p.restriction() == Restriction.NONE) {
            chain.doFilter(req, res);
            return;
        }
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (ALWAYS.contains(path) || path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/")
                || (path.equals("/api/v1/me") && READS.contains(req.getMethod()))) {
            chain.doFilter(req, res);
            return;
        }
        boolean api = path.startsWith("/api/");
        switch (p.restriction()) {
            case READ_ONLY -> {
                if (READS.contains(req.getMethod()) || path.equals("/api/v1/me/password") || path.equals("/me/password")) {
                    chain.doFilter(req, res);
                } else if (api) {
                    forbidden(res, "account.readOnly");
                } else {
                    res.sendError(HttpServletResponse.SC_FORBIDDEN);
                }
            }
            case PASSWORD_CHANGE -> lift(req, res, chain, path, api, "/me/password", "/api/v1/me/password", "auth.passwordExpired");
            case MFA_ENROLL -> lift(req, res, chain, path, api, "/me/mfa", "/api/v1/me/mfa", "auth.mfaEnrolmentRequired");
            case MFA_PENDING -> lift(req, res, chain, path, api, "/login/mfa", "/api/v1/auth/mfa", "auth.mfaRequired");
            default -> chain.doFilter(req, res);
        }
    }

    private void lift(HttpServletRequest req, HttpServletResponse res, FilterChain chain, String path, boolean api,
                      String page, String apiPrefix, String reason) throws IOException, ServletException {
        if (path.equals(page) || path.startsWith(page + "/") || path.startsWith(apiPrefix)) {
            chain.doFilter(req, res);
        } else if (api) {
            forbidden(res, reason);
        } else {
            res.sendRedirect(req.getContextPath() + page);
        }
    }

    private void forbidden(HttpServletResponse res, String code) throws IOException {
        res.setStatus(HttpServletResponse.SC_FORBIDDEN);
        res.setContentType("application/problem+json;charset=UTF-8");
        String detail = messages.get(code).replace("\\", "\\\\").replace("\"", "\\\"");
        res.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,\"code\":\"" + code
                + "\",\"detail\":\"" + detail + "\"}");
    }
}
