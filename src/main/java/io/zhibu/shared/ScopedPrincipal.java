package io.zhibu.shared;

/** Implemented by the authenticated principal, so modules read the scope without depending on accounts. */
public interface ScopedPrincipal {
    DataScope scope();
}
