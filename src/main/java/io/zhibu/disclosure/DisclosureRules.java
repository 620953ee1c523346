package io.zhibu.disclosure;

import io.zhibu.org.OrgDomain;
import io.zhibu.org.OrgType;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of 三务公开 as pure functions: who owes what (village-level organizations — rural 总支 and 支部 not under a
 * rural 总支, rules.md §1.5 and §8.2 item 5 — owe 党务、村务、财务; every other 支部/总支/联合支部 owes 党务), the period
 * keys of a cadence, when a period ends and is overdue, and the personal-data check of public text (R9.5: no ID
 * numbers, no mobile numbers).
 */
public final class DisclosureRules {
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern ID_NUMBER = Pattern.compile("(?<!\\d)\\d{17}[\\dXx](?!\\d)");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");

    private DisclosureRules() {
    }

    /** What an organization owes. */
    public enum Profile { VILLAGE, OTHER, NONE }

    /**
     * The profile of an organization given its parent's type and domain (null at the root): rural 总支 and rural
     * 支部/联合支部 not under a rural 总支 are villages; other 支部, 总支 and 联合支部 owe 党务; committees, 临时支部 and
     * 党小组 owe nothing required (they may still publish).
     */
    public static Profile profile(OrgType type, OrgDomain domain, OrgType parentType, OrgDomain parentDomain) {
        if (type == null || !(type == OrgType.BRANCH || type == OrgType.JOINT_BRANCH || type == OrgType.GENERAL_BRANCH)) {
            return Profile.NONE;
        }
        boolean underRuralGeneral = parentType == OrgType.GENERAL_BRANCH && parentDomain == OrgDomain.RURAL;
        if (domain == OrgDomain.RURAL && (type == OrgType.GENERAL_BRANCH || !underRuralGeneral)) {
            return Profile.VILLAGE;
        }
        return Profile.OTHER;
    }

    /** The key of the period containing {@code day}. */
    public static String key(Cadence cadence, LocalDate day) {
        return switch (cadence) {
            case MONTHLY -> YearMonth.from(day).toString();
            case QUARTERLY -> day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
            case YEARLY -> String.valueOf(day.getYear());
        };
    }

    /** The last day of a period, or empty when {@code key} is not a period of the cadence. */
    public static Optional<LocalDate> end(Cadence cadence, String key) {
        if (key == null) {
            return Optional.empty();
        }
        Matcher m = (cadence == Cadence.MONTHLY ? MONTH : cadence == Cadence.QUARTERLY ? QUARTER : YEAR).matcher(key);
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        if (year < 2000 || year > 2100) {
            return Optional.empty();
        }
        return Optional.of(switch (cadence) {
            case MONTHLY -> YearMonth.of(year, Integer.parseInt(m.group(2))).atEndOfMonth();
            case QUARTERLY -> YearMonth.of(year, Integer.parseInt(m.group(2)) * 3).atEndOfMonth();
            case YEARLY -> LocalDate.of(year, 12, 31);
        });
    }

    /** The first day of a period (the key must be valid). */
    public static LocalDate start(Cadence cadence, String key) {
        LocalDate end = end(cadence, key).orElseThrow();
        return switch (cadence) {
            case MONTHLY -> end.withDayOfMonth(1);
            case QUARTERLY -> end.withDayOfMonth(1).minusMonths(2);
            case YEARLY -> LocalDate.of(end.getYear(), 1, 1);
        };
    }

    /** The key of the period that ends in {@code month}, if one does (every month; Mar/Jun/Sep/Dec; December). */
    public static Optional<String> endingIn(Cadence cadence, YearMonth month) {
        return switch (cadence) {
            case MONTHLY -> Optional.of(month.toString());
            case QUARTERLY -> month.getMonthValue() % 3 == 0 ? Optional.of(key(cadence, month.atDay(1))) : Optional.empty();
            case YEARLY -> month.getMonthValue() == 12 ? Optional.of(String.valueOf(month.getYear())) : Optional.empty();
        };
    }

    /** The latest period whose grace ended before {@code today} (the one a missing item is overdue for). */
    public static String lastOverdue(Cadence cadence, LocalDate today, int graceDays) {
        LocalDate d = today.minusDays(graceDays + 1L);
        String k = key(cadence, d);
        return end(cadence, k).orElseThrow().isAfter(d) ? previous(cadence, k) : k;
    }

    /** The period before {@code key}. */
    public static String previous(Cadence cadence, String key) {
        return key(cadence, start(cadence, key).minusDays(1));
    }

    /** The required topics the text does not contain (in order). */
    public static List<String> missingTopics(String text, List<String> topics) {
        List<String> out = new ArrayList<>();
        for (String t : topics) {
            if (text == null || !text.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /** Whether the text contains something that looks like personal data (an ID number or a mobile number). */
    public static boolean looksPersonal(String text) {
        return text != null && (ID_NUMBER.matcher(text).find() || MOBILE.matcher(text).find());
    }
}
