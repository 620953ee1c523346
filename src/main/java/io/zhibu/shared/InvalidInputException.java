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

    /**
     * Runs one field check and adds its violations to {@code errors} instead of throwing, so a command can report
     * every bad field at once; returns the check's value, or null when it failed.
     */
    public static <T> T collect(List<Violation> errors, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidInputException e) {
            errors.addAll(e.violations());
            return null;
        }
    }

    public List<Violation> violations() {
        return violations;
    }
}
