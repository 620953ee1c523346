package io.zhibu.demo;

import java.util.SplittableRandom;

/**
 * Generates valid 统一社会信用代码 (GB 32100-2015) for host units: 2-character registration/category code
 * (11 机关, 12 事业单位, 51 社会团体, 91 企业), the GB/T 2260 region, a 9-character 组织机构代码 with its own
 * GB 11714 check character, and the GB 32100 check character (rule R9.3).
 */
final class CreditCodes {
    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_CODE_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private CreditCodes() {
    }

    static String generate(String prefix, String region, SplittableRandom rng) {
        StringBuilder org = new StringBuilder(9);
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            int d = rng.nextInt(10);
            org.append(d);
            sum += d * ORG_CODE_WEIGHTS[i];
        }
        int c = 11 - sum % 11;
        org.append(c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c));
        String first17 = prefix + region + org;
        return first17 + checkChar(first17);
    }

    static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return CHARSET.charAt(c == 31 ? 0 : c);
    }
}
