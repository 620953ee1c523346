package io.zhibu.account.internal;

import io.zhibu.account.AccountService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Form and API sign-in both go through {@link AccountService#authenticate}, so the lockout policy is one. */
@Component
public class ZhibuAuthenticationProvider implements AuthenticationProvider {
    private final AccountService accounts;

    public ZhibuAuthenticationProvider(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = authentication.getCredentials() == null ? null : authentication.getCredentials().toString();
        return switch (accounts.authenticate(username, password)) {
            case AccountService.SignedIn s -> {
                ZhibuPrincipal p = new ZhibuPrincipal(s.scope(), s.displayName());
                yield UsernamePasswordAuthenticationToken.authenticated(p, null, p.authorities());
            }
            case AccountService.Refused r when r.reasonCode().equals("auth.locked") -> throw new LockedException(r.reasonCode());
            case AccountService.Refused r -> throw new BadCredentialsException(r.reasonCode());
        };
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
