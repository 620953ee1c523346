package io.zhibu.shared;

/** The caller's role may not perform this kind of operation at all (HTTP 403). */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
