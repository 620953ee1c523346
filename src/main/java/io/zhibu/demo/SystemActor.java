package io.zhibu.demo;

import io.zhibu.shared.DataScope;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.Role;
import io.zhibu.shared.ScopedPrincipal;
import java.io.Serializable;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The built-in actor "system" that loads demo and benchmark data: a platform-wide ADMIN scope, put into the
 * security context while it works so that the audit trail records "system" as the actor.
 */
final class SystemActor {
    static final DataScope SCOPE = new DataScope(0, "system", Role.ADMIN, null, OrgPath.ROOT, null, null);

    private SystemActor() {
    }

    /** The principal carrying the system scope. */
    record Principal(DataScope scope) implements ScopedPrincipal, Serializable {
        @Override
        public String toString() {
            return scope.username();
        }
    }

    /** Runs {@code work} authenticated as "system", then restores the previous security context. */
    static <T> T call(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new Principal(SCOPE), null, List.of()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            if (previous.getAuthentication() == null) {
                SecurityContextHolder.clearContext();
            } else {
                SecurityContextHolder.setContext(previous);
            }
        }
    }

    static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** A data scope limited to the subtree of {@code orgId} (path {@code path}), for scoped look-ups. */
    static DataScope within(long orgId, String path, long regionOrgId) {
        return new DataScope(0, "system", Role.ADMIN, orgId, path, regionOrgId, null);
    }
}
