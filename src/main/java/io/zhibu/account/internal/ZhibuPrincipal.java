package io.zhibu.account.internal;

import io.zhibu.account.Restriction;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ScopedPrincipal;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The signed-in user: name, role authority, data scope, and what they must do first ({@link Restriction}). */
public record ZhibuPrincipal(DataScope scope, String displayName, Restriction restriction, Boolean mfaEnrolled)
        implements ScopedPrincipal, Serializable {
    public ZhibuPrincipal(DataScope scope, String displayName) {
        this(scope, displayName, Restriction.NONE);
    }

    /** A principal whose second-factor enrolment is not known here (pages): read when needed. */
    public ZhibuPrincipal(DataScope scope, String displayName, Restriction restriction) {
        this(scope, displayName, restriction, null);
    }

    public ZhibuPrincipal {
        restriction = restriction == null ? Restriction.NONE : restriction;
    }

    public Collection<GrantedAuthority> authorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + scope.role().name()));
    }

    @Override
    public String toString() {
        return scope.username();
    }
}
