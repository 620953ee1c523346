package io.zhibu.account.internal;

import io.zhibu.account.AccountService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates API calls by {@code Authorization: Bearer <token>}. */
public class BearerTokenFilter extends OncePerRequestFilter {
    private final AccountService accounts;
    private final TokenCache cache;

    public BearerTokenFilter(AccountService accounts, TokenCache cache) {
        this.accounts = accounts;
        this.cache = cache;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        String header = req.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).strip();
            cache.resolve(token, () -> accounts.resolveToken(token)).ifPresent(s -> {
                ZhibuPrincipal p = new ZhibuPrincipal(s.scope(), s.displayName(), s.restriction(), s.mfaEnrolled());
                var auth = UsernamePasswordAuthenticationToken.authenticated(p, null, p.authorities());
                SecurityContextHolder.getContext().setAuthentication(auth);
            });
        }
        chain.doFilter(req, res);
    }
}
