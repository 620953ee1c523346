package io.zhibu.account.internal;

import io.zhibu.account.AccountService;
import io.zhibu.account.Restriction;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.web.TooManyRequestsException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Form and API sign-in both go through {@link AccountService#authenticate}, so the lockout policy is one. A page
 * sign-in that needs a second factor yields a session restricted to the code page ({@link Restriction#MFA_PENDING}).
 */
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
        AccountService.SignIn result;
        try {
            result = accounts.authenticate(username, password);
        } catch (TooManyRequestsException e) {
            throw new LockedException("auth.tooManyAttempts");
        }
        return switch (result) {
            case AccountService.SignedIn s -> {
                ZhibuPrincipal p = new ZhibuPrincipal(s.scope(), s.displayName(), s.restriction());
                yield UsernamePasswordAuthenticationToken.authenticated(p, null, p.authorities());
            }
            case AccountService.MfaRequired m -> {
                // nothing but the code page until the second factor is given; the scope sees nothing meanwhile
                DataScope pending = new DataScope(m.userId(), username, io.zhibu.shared.Role.MEMBER, null, "X", null, null);
                ZhibuPrincipal p = new ZhibuPrincipal(pending, username, Restriction.MFA_PENDING);
                yield UsernamePasswordAuthenticationToken.authenticated(p, null, java.util.List.of());
            }
            case AccountService.Refused r -> throw new BadCredentialsException(r.reasonCode());
        };
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
