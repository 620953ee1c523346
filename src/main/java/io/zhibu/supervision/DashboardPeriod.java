package io.zhibu.supervision;

import io.zhibu.shared.InvalidInputException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period a dashboard shows: a year ({@code 2026}), a quarter ({@code 2026-Q4}) or a month ({@code 2026-11}).
 * Rollups are kept per month and per year; a quarter reads its three months.
 */
public record DashboardPeriod(String code, List<String> rollupKeys, YearMonth first, YearMonth last) {
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");

    public static DashboardPeriod parse(String code, YearMonth current) {
        if (code == null || code.isBlank()) {
            return year(current.getYear());
        }
        String c = code.trim().toUpperCase();
        Matcher m;
        if ((m = YEAR.matcher(c)).matches()) {
            return year(check(Integer.parseInt(m.group(1))));
        }
        if ((m = QUARTER.matcher(c)).matches()) {
            int y = check(Integer.parseInt(m.group(1)));
            int q = Integer.parseInt(m.group(2));
            YearMonth first = YearMonth.of(y, q * 3 - 2);
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                keys.add(first.plusMonths(i).toString());
            }
            return new DashboardPeriod(y + "-Q" + q, keys, first, first.plusMonths(2));
        }
        if ((m = MONTH.matcher(c)).matches()) {
            YearMonth ym = YearMonth.of(check(Integer.parseInt(m.group(1))), Integer.parseInt(m.group(2)));
            return new DashboardPeriod(ym.toString(), List.of(ym.toString()), ym, ym);
        }
        throw InvalidInputException.of("period", "supervision.period.invalid");
    }

    private static DashboardPeriod year(int y) {
        return new DashboardPeriod(String.valueOf(y), List.of(String.valueOf(y)), YearMonth.of(y, 1), YearMonth.of(y, 12));
    }

    private static int check(int year) {
        if (year < 2000 || year > 2100) {
            throw InvalidInputException.of("period", "supervision.period.invalid");
        }
        return year;
    }

    /** The period before this one of the same length (for "change since last period"). */
    public DashboardPeriod previous() {
        if (code.length() == 4) {
            return year(first.getYear() - 1);
        }
        if (code.contains("Q")) {
            YearMonth f = first.minusMonths(3);
            return parse(f.getYear() + "-Q" + ((f.getMonthValue() + 2) / 3), f);
        }
        YearMonth p = first.minusMonths(1);
        return parse(p.toString(), p);
    }
}
