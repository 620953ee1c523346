package io.zhibu.learning;

import io.zhibu.learning.LearningRecords.QuestionKind;
import io.zhibu.shared.InvalidInputException;
import java.util.List;
import java.util.Locale;

/**
 * What makes a question valid (single: one correct option; multiple: two or more; true/false: 正确 or 错误) and how
 * answers are written: option letters "A"–"F" in order ("ACD"); true/false is A = 正确, B = 错误.
 */
public final class QuestionRules {
    public static final String LETTERS = "ABCDEF";
    public static final List<String> TRUE_FALSE = List.of("正确", "错误");

    private QuestionRules() {
    }

    /** The kind from a sheet's 题型 cell (单选, 多选, 判断, or the enum name), null when unknown. */
    public static QuestionKind kind(String raw) {
        String v = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        return switch (v) {
            case "单选", "单选题", "单项选择题", "SINGLE" -> QuestionKind.SINGLE;
            case "多选", "多选题", "多项选择题", "MULTIPLE" -> QuestionKind.MULTIPLE;
            case "判断", "判断题", "TRUE_FALSE", "TF" -> QuestionKind.TRUE_FALSE;
            default -> null;
        };
    }

    /**
     * The canonical answer ("A", "ACD") for a question with {@code optionCount} options, or an exception with the
     * message key: {@code learning.question.noAnswer} when no correct answer is given at all.
     */
    public static String normalize(QuestionKind kind, String raw, int optionCount) {
        String v = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s,，、;；]", "");
        if (v.isEmpty()) {
            throw InvalidInputException.of("answer", "learning.question.noAnswer");
        }
        if (kind == QuestionKind.TRUE_FALSE) {
            return switch (v) {
                case "A", "T", "TRUE", "对", "正确", "√", "是", "Y" -> "A";
                case "B", "F", "FALSE", "错", "错误", "×", "X", "否", "N" -> "B";
                default -> throw InvalidInputException.of("answer", "learning.question.badAnswer");
            };
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < LETTERS.length(); i++) {
            char c = LETTERS.charAt(i);
            if (v.indexOf(c) >= 0) {
                if (i >= optionCount) {
                    throw InvalidInputException.of("answer", "learning.question.badAnswer");
                }
                out.append(c);
            }
        }
        if (out.length() != v.length() || out.isEmpty()) {
            throw InvalidInputException.of("answer", "learning.question.badAnswer");
        }
        if (kind == QuestionKind.SINGLE && out.length() != 1) {
            throw InvalidInputException.of("answer", "learning.question.singleOne");
        }
        if (kind == QuestionKind.MULTIPLE && out.length() < 2) {
            throw InvalidInputException.of("answer", "learning.question.multipleTwo");
        }
        return out.toString();
    }

    /** Choice questions need at least two options, without gaps (A, B, … in order). */
    public static List<String> options(QuestionKind kind, List<String> raw) {
        if (kind == QuestionKind.TRUE_FALSE) {
            return TRUE_FALSE;
        }
        List<String> opts = raw == null ? List.of() : raw.stream().map(o -> o == null ? "" : o.strip()).toList();
        int last = opts.size() - 1;
        while (last >= 0 && opts.get(last).isEmpty()) {
            last--;
        }
        List<String> trimmed = opts.subList(0, last + 1);
        if (trimmed.size() < 2 || trimmed.size() > LETTERS.length() || trimmed.stream().anyMatch(String::isEmpty)) {
            throw InvalidInputException.of("options", "learning.question.options");
        }
        return List.copyOf(trimmed);
    }

    /** A member's answer compared with the key: letters in any order, nothing more, nothing less. */
    public static boolean correct(String key, String given) {
        if (given == null) {
            return false;
        }
        String g = given.toUpperCase(Locale.ROOT).replaceAll("[^A-F]", "").chars().sorted().distinct()
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return g.equals(key);
    }
}
