package io.zhibu.shared;

/** Not found, or outside the caller's data scope: both answer 404 so a scope never leaks what exists. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
