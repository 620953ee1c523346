package io.zhibu.account;

import io.zhibu.shared.InvalidInputException;

/** R9.6 [L]: at least 8 characters from at least 3 of the 4 classes (upper, lower, digit, symbol). */
public final class PasswordPolicy {
    private PasswordPolicy() {
    }

    public static void check(String password) {
        if (password == null || password.length() < 8 || password.length() > 128 || classes(password) < 3) {
            throw InvalidInputException.of("password", "account.password.weak");
        }
    }

    static int classes(String p) {
        int upper = 0, lower = 0, digit = 0, other = 0;
        for (char c : p.toCharArray()) {
            if (Character.isUpperCase(c)) {
                upper = 1;
            } else if (Character.isLowerCase(c)) {
                lower = 1;
            } else if (Character.isDigit(c)) {
                digit = 1;
            } else {
                other = 1;
            }
        }
        return upper + lower + digit + other;
    }
}
