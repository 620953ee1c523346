package io.zhibu.shared;

/** A concurrent change or a state that forbids the operation (HTTP 409); {@code code} is a message key. */
public class ConflictException extends RuntimeException {
    private final String code;
    private final Object[] args;

    public ConflictException(String code, Object... args) {
        super(code);
        this.code = code;
        this.args = args;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args;
    }
}
