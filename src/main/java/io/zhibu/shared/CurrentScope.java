package io.zhibu.shared;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The data scope of the request's user. */
public final class CurrentScope {
    private CurrentScope() {
    }

    public static DataScope get() {
        DataScope scope = orNull();
        if (scope == null) {
            throw new ForbiddenException("no authenticated user");
        }
        return scope;
    }

    public static DataScope orNull() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof ScopedPrincipal p) {
            return p.scope();
        }
        return null;
    }
}
