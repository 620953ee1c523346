package io.zhibu.account;

import io.zhibu.shared.InvalidInputException;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The password rules in one place (R9.6 [L], 等保 level 3 identity, issue 15):
 * <ul>
 *   <li>8 to 128 characters, from at least 3 of the 4 classes (upper, lower, digit, symbol);</li>
 *   <li>not containing the login name or the mobile number (case-insensitive);</li>
 *   <li>not one of the last {@value #HISTORY} passwords.</li>
 * </ul>
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;
    public static final int MIN_CLASSES = 3;
    /** R9.6: none of the last five passwords may be reused. */
    public static final int HISTORY = 5;

    private PasswordPolicy() {
    }

    /** Length and character classes only (demo passwords, configuration checks). */
    public static void check(String password) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH
                || classes(password) < MIN_CLASSES) {
            throw InvalidInputException.of("password", "account.password.weak");
        }
    }

    /**
     * The whole policy for a new password of an account: {@code personal} are the login name, mobile number and
     * similar strings it may not contain; {@code reused} says whether it matches one of the last passwords.
     */
    public static void check(String password, String field, List<String> personal, Predicate<String> reused) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH
                || classes(password) < MIN_CLASSES) {
            throw InvalidInputException.of(field, "account.password.weak");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        for (String p : personal) {
            if (p != null && p.length() >= 3 && lower.contains(p.toLowerCase(Locale.ROOT))) {
                throw InvalidInputException.of(field, "account.password.personal");
            }
        }
        if (reused != null && reused.test(password)) {
            throw InvalidInputException.of(field, "account.password.reused", HISTORY);
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
