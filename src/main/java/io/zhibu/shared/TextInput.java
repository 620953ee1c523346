package io.zhibu.shared;

import java.util.regex.Pattern;

/** Checks for free-text fields: length limits and no markup or control characters. */
public final class TextInput {
    private static final Pattern FORBIDDEN = Pattern.compile("[<>]|[\\p{Cntrl}&&[^\\n\\r\\t]]");
    /** Personal names: CJK (incl. extension planes via code points), letters, the middle dot ·, spaces. */
    private static final Pattern NAME = Pattern.compile("[\\p{IsHan}\\p{L}·•．.\\- ]+");

    private TextInput() {
    }

    public static String required(String raw, String field, int max) {
        String v = optional(raw, field, max);
        if (v == null) {
            throw InvalidInputException.of(field, "validation.required");
        }
        return v;
    }

    public static String optional(String raw, String field, int max) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String v = raw.strip().replace("\r\n", "\n");
        if (v.codePointCount(0, v.length()) > max) {
            throw InvalidInputException.of(field, "validation.tooLong", max);
        }
        if (FORBIDDEN.matcher(v).find()) {
            throw InvalidInputException.of(field, "validation.forbiddenChars");
        }
        return v;
    }

    public static String personName(String raw, String field) {
        String v = required(raw, field, 50);
        if (!NAME.matcher(v).matches()) {
            throw InvalidInputException.of(field, "validation.name");
        }
        return v;
    }
}
