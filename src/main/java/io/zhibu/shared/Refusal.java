package io.zhibu.shared;

/**
 * A request the platform refused — out of scope (404), role (403), invalid input on a write (400) or stopped by the
 * statement timeout (503) — published
 * so the audit trail records who tried what and where (R9.6: success or failure of every event). {@code what} names
 * the object or the refused fields, never the values sent.
 */
public record Refusal(Kind kind, String method, String uri, String what) {
    /** Why the request was refused. */
    public enum Kind {
        NOT_FOUND, FORBIDDEN, INVALID,
        /** Stopped by the statement timeout (503): who ran the request that would have hogged the server. */
        TIMEOUT
    }
}
