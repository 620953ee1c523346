package io.zhibu.account.internal;

import io.zhibu.shared.DataScope;
import io.zhibu.shared.ScopedPrincipal;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The signed-in user: name, role authority and data scope. */
public record ZhibuPrincipal(DataScope scope, String displayName) implements ScopedPrincipal, Serializable {
    public Collection<GrantedAuthority> authorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + scope.role().name()));
    }

    @Override
    public String toString() {
        return scope.username();
    }
}
