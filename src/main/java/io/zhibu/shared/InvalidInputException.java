package io.zhibu.shared;

import java.util.List;

/** Bad input: answered as HTTP 400 with field messages, and nothing is written. */
public class InvalidInputException extends RuntimeException {
    private final List<Violation> violations;

    public InvalidInputException(List<Violation> violations) {
        super(violations.isEmpty() ? "invalid input" : violations.getFirst().code());
        this.violations = List.copyOf(violations);
    }

    public static InvalidInputException of(String field, String code, Object... args) {
        return new InvalidInputException(List.of(new Violation(field, code, args)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
