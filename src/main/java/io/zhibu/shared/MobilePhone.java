package io.zhibu.shared;

import java.util.regex.Pattern;

/** 联系电话 (§9.1): an 11-digit mainland mobile number. */
public final class MobilePhone {
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    private MobilePhone() {
    }

    public static String normalize(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String v = raw.strip().replace(" ", "").replace("-", "");
        if (v.startsWith("+86")) {
            v = v.substring(3);
        }
        if (!MOBILE.matcher(v).matches()) {
            throw InvalidInputException.of(field, "phone.format");
        }
        return v;
    }

    /** 138****5678 */
    public static String mask(String phone) {
        return phone == null ? null : phone.substring(0, 3) + "****" + phone.substring(7);
    }
}
