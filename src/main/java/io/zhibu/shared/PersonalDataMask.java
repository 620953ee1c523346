package io.zhibu.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * Masks phone numbers, ID numbers and other long numbers in text shown on public pages (R9.5, R9.7), by what the
 * text <em>says</em> rather than by how it is typed: the digits are read through any separators (spaces of every
 * width, dashes, dots, slashes, brackets, invisible format characters), in full-width form, as Chinese numerals
 * (〇一二…九, 幺 for one) and with a {@code +86}/{@code 0086} prefix. A number of 11 or more digits (mobile, ID,
 * bank card), or of 10 or more starting with 0 (landline with area code), keeps its first three and last four
 * digits (after any country code); every other digit becomes {@code *}. Separators stay, so the text still reads.
 */
public final class PersonalDataMask {
    /** At most this many separator characters between two digits of one number ("137 - 3643"). */
    private static final int MAX_GAP = 3;

    private PersonalDataMask() {
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char[] out = text.toCharArray();
        List<int[]> run = new ArrayList<>(); // [index in text, digit value or 10 for X]
        int gap = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int d = digit(c);
            if (d < 0 && isCheckX(c) && digitsIn(run) == 17) {
                d = 10;
            }
            if (d >= 0) {
                if (!run.isEmpty() && gap > MAX_GAP) {
                    flush(text, run, out);
                }
                run.add(new int[] {i, d});
                gap = 0;
                if (d == 10) {
                    flush(text, run, out);
                }
            } else if (isSeparator(c) && !run.isEmpty()) {
                gap++;
            } else {
                flush(text, run, out);
                gap = 0;
            }
        }
        flush(text, run, out);
        return new String(out);
    }

    private static int digitsIn(List<int[]> run) {
        return run.size();
    }

    private static void flush(String text, List<int[]> run, char[] out) {
        int n = run.size();
        if (n >= 11 || n >= 10 && run.getFirst()[1] == 0) {
            int country = countryCode(text, run);
            int keepHead = country + 3;
            int keepTail = 4;
            for (int k = keepHead; k < n - keepTail; k++) {
                out[run.get(k)[0]] = '*';
            }
        }
        run.clear();
    }

    /** Digits of a +86 / 0086 prefix in front of a mobile number, which are not part of what is masked. */
    private static int countryCode(String text, List<int[]> run) {
        int n = run.size();
        boolean plus = false;
        for (int i = run.getFirst()[0] - 1; i >= 0 && i >= run.getFirst()[0] - 3; i--) {
            char c = text.charAt(i);
            if (c == '+' || c == '＋') {
                plus = true;
                break;
            }
            if (!isSeparator(c)) {
                break;
            }
        }
        if (n == 13 && plus && run.get(0)[1] == 8 && run.get(1)[1] == 6) {
            return 2;
        }
        if (n == 15 && run.get(0)[1] == 0 && run.get(1)[1] == 0 && run.get(2)[1] == 8 && run.get(3)[1] == 6) {
            return 4;
        }
        return 0;
    }

    /** The value of a digit in any of its spellings, or -1. */
    static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= '０' && c <= '９') {
            return c - '０';
        }
        if (c >= '\u2460' && c <= '\u2468') { // ①…⑨
            return c - '\u2460' + 1;
        }
        return switch (c) {
            case '〇', '零', '○', '◯' -> 0;
            case '一', '幺', '壹' -> 1;
            case '二', '贰' -> 2;
            case '三', '叁' -> 3;
            case '四', '肆' -> 4;
            case '五', '伍' -> 5;
            case '六', '陆' -> 6;
            case '七', '柒' -> 7;
            case '八', '捌' -> 8;
            case '九', '玖' -> 9;
            default -> -1;
        };
    }

    private static boolean isCheckX(char c) {
        return c == 'X' || c == 'x' || c == 'Ｘ' || c == 'ｘ';
    }

    /** Characters people put between the digits of one number (and invisible ones meant to dodge a filter). */
    static boolean isSeparator(char c) {
        if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT) {
            return true;
        }
        return switch (c) {
            case '-', '‐', '‑', '‒', '–', '—', '―', '－', '﹣', '_', '.', '·', '．', '。', '/', '／', '\\', '(', ')',
                 '（', '）', '[', ']', '【', '】', '*', '~', '～', '\'', '’', '|' -> true;
            default -> false;
        };
    }
}
