package io.zhibu.account;

import io.zhibu.shared.Role;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Account settings ({@code zhibu.accounts.*}); defaults are the issue-15 values.
 *
 * @param activationCodeTtl     how long a one-time activation code is valid (default 7 days)
 * @param staffPasswordMaxAge   password expiry for staff roles (default 90 days; 0 = off)
 * @param memberPasswordMaxAge  password expiry for members (default 0 = off)
 * @param mfaRoles              roles that use a second factor (TOTP)
 * @param mfaEnforced           those roles must enrol at their first sign-in (on in {@code prod})
 * @param failuresPerIp         failed sign-ins one client address may make per {@code throttleWindow}
 * @param failuresPerLogin      failed sign-ins against one login name per {@code throttleWindow} from addresses not
 *                              known for it (see {@link SignInThrottle})
 * @param throttleWindow        the refill period of both budgets
 */
@ConfigurationProperties("zhibu.accounts")
public record AccountsProperties(Duration activationCodeTtl, Duration staffPasswordMaxAge,
                                 Duration memberPasswordMaxAge, Set<Role> mfaRoles, Boolean mfaEnforced,
                                 Integer failuresPerIp, Integer failuresPerLogin, Duration throttleWindow) {
    public AccountsProperties {
        activationCodeTtl = activationCodeTtl == null ? Duration.ofDays(7) : activationCodeTtl;
        staffPasswordMaxAge = staffPasswordMaxAge == null ? Duration.ofDays(90) : staffPasswordMaxAge;
        memberPasswordMaxAge = memberPasswordMaxAge == null ? Duration.ZERO : memberPasswordMaxAge;
        mfaRoles = mfaRoles == null ? EnumSet.of(Role.ADMIN, Role.SECURITY_ADMIN, Role.AUDITOR, Role.ORG_STAFF)
                : Set.copyOf(mfaRoles);
        mfaEnforced = mfaEnforced != null && mfaEnforced;
        failuresPerIp = failuresPerIp == null ? 30 : failuresPerIp;
        failuresPerLogin = failuresPerLogin == null ? 20 : failuresPerLogin;
        throttleWindow = throttleWindow == null ? Duration.ofMinutes(15) : throttleWindow;
    }

    public static AccountsProperties defaults() {
        return new AccountsProperties(null, null, null, null, null, null, null, null);
    }

    /** The password lifetime of a role; {@link Duration#ZERO} = never expires. */
    public Duration maxPasswordAge(Role role) {
        return role == Role.MEMBER ? memberPasswordMaxAge : staffPasswordMaxAge;
    }
}
