package io.zhibu.shared;

/** 性别, GB/T 2261.1 codes: 1 男, 2 女. */
public enum Gender {
    MALE("1"), FEMALE("2");

    private final String code;

    Gender(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Gender ofCode(String code) {
        return "1".equals(code) ? MALE : "2".equals(code) ? FEMALE : null;
    }
}
