package io.zhibu.shared;

/** One field-level problem with user input; {@code code} is a message-bundle key, {@code args} its arguments. */
public record Violation(String field, String code, Object... args) {
}
