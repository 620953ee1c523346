package io.zhibu.member.internal;

import io.zhibu.member.MemberCategory;
import io.zhibu.member.MemberCodes;
import io.zhibu.member.RosterColumn;
import io.zhibu.org.Organization;
import io.zhibu.shared.Gender;
import io.zhibu.shared.IdCardNumber;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.MobilePhone;
import io.zhibu.shared.PartyCalendar;
import io.zhibu.shared.TextInput;
import io.zhibu.shared.Violation;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one roster row into a {@link MemberRow} with the same checks as the member form (R9.1, R9.2, R2.8, R2.11),
 * collecting every problem of the row as (column, message key, args). Pure apart from the org lookup.
 */
public final class RosterRowParser {
    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

    /** A problem in one cell. */
    public record CellIssue(RosterColumn column, String key, Object[] args) {
    }

    /** The row as stored, or null with the issues. */
    public record Parsed(MemberRow row, List<CellIssue> issues) {
    }

    /** Org code → organization in scope, or a message key for why not. */
    public sealed interface OrgLookup permits OrgLookup.Found, OrgLookup.Refused {
        record Found(Organization org) implements OrgLookup {
        }

        record Refused(String key) implements OrgLookup {
        }
    }

    private final LocalDate today;
    private final Function<String, OrgLookup> orgs;

    public RosterRowParser(LocalDate today, Function<String, OrgLookup> orgs) {
        this.today = today;
        this.orgs = orgs;
    }

    public Parsed parse(String[] v, boolean[] formula) {
        List<CellIssue> issues = new ArrayList<>();
        for (RosterColumn c : RosterColumn.values()) {
            if (formula[c.ordinal()]) {
                issues.add(new CellIssue(c, "import.cell.formula", new Object[0]));
            }
        }
        String name = cell(issues, RosterColumn.NAME, () -> TextInput.personName(v(v, RosterColumn.NAME), "name"));
        IdCardNumber idn = cell(issues, RosterColumn.ID_NUMBER,
                () -> IdCardNumber.parse(upper(v(v, RosterColumn.ID_NUMBER)), "idNumber", today)); // R9.1
        Gender gender = gender(issues, v(v, RosterColumn.GENDER));
        LocalDate birth = date(issues, v, RosterColumn.BIRTH_DATE);
        if (idn != null) { // R9.2: birth date and sex agree with the ID
            if (gender != null && gender != idn.gender()) {
                issues.add(new CellIssue(RosterColumn.GENDER, "member.gender.mismatch", new Object[0]));
            }
            if (birth != null && !birth.equals(idn.birthDate())) {
                issues.add(new CellIssue(RosterColumn.BIRTH_DATE, "member.birthDate.mismatch", new Object[0]));
            }
        }
        String ethnicity = code(issues, RosterColumn.ETHNICITY, MemberCodes.ETHNICITY, v(v, RosterColumn.ETHNICITY), true);
        String education = code(issues, RosterColumn.EDUCATION, MemberCodes.EDUCATION, v(v, RosterColumn.EDUCATION), false);
        String personCategory = code(issues, RosterColumn.PERSON_CATEGORY, MemberCodes.PERSON_CATEGORY,
                v(v, RosterColumn.PERSON_CATEGORY), false);
        Organization org = null;
        String orgCode = v(v, RosterColumn.ORG_CODE);
        if (orgCode == null) {
            issues.add(new CellIssue(RosterColumn.ORG_CODE, "validation.required", new Object[0]));
        } else {
            switch (orgs.apply(orgCode)) {
                case OrgLookup.Found f -> org = f.org();
                case OrgLookup.Refused r -> issues.add(new CellIssue(RosterColumn.ORG_CODE, r.key(), new Object[0]));
            }
        }
        MemberCategory category = category(issues, v(v, RosterColumn.CATEGORY));
        LocalDate joined = date(issues, v, RosterColumn.JOINED_ON);
        LocalDate fullOn = date(issues, v, RosterColumn.FULL_MEMBER_ON);
        int extension = 0;
        if (joined == null && v(v, RosterColumn.JOINED_ON) == null) {
            issues.add(new CellIssue(RosterColumn.JOINED_ON, "validation.required", new Object[0]));
        } else if (joined != null && idn != null && joined.isBefore(idn.adulthood())) {
            issues.add(new CellIssue(RosterColumn.JOINED_ON, "member.joinedOn.under18", new Object[0])); // R9.2
        } else if (joined != null && category == MemberCategory.FULL) {
            if (fullOn == null) {
                fullOn = PartyCalendar.fullMemberDate(joined, 0); // R2.8
                if (fullOn.isAfter(today)) {
                    issues.add(new CellIssue(RosterColumn.CATEGORY, "member.full.probationNotOver", new Object[] {fullOn}));
                }
            } else {
                // R2.8 / R2.11: 转正日期 = 入党日期 + 12 months, or + 18..24 months after an extension of 6–12 months
                long months = ChronoUnit.MONTHS.between(joined, fullOn);
                extension = (int) months - PartyCalendar.PROBATION_MONTHS;
                boolean exact = PartyCalendar.fullMemberDate(joined, extension).equals(fullOn);
                if (!exact || (extension != 0 && (extension < 6 || extension > 12))) {
                    issues.add(new CellIssue(RosterColumn.FULL_MEMBER_ON, "member.fullMemberOn.mismatch",
                            new Object[] {PartyCalendar.fullMemberDate(joined, 0)}));
                    extension = 0;
                }
            }
        } else if (category == MemberCategory.PROBATIONARY && fullOn != null) {
            issues.add(new CellIssue(RosterColumn.FULL_MEMBER_ON, "member.fullMemberOn.probationary", new Object[0]));
        }
        String job = cell(issues, RosterColumn.JOB_TITLE, () -> TextInput.optional(v(v, RosterColumn.JOB_TITLE), "jobTitle", 50));
        String phone = cell(issues, RosterColumn.PHONE, () -> MobilePhone.normalize(v(v, RosterColumn.PHONE), "phone"));
        String address = cell(issues, RosterColumn.ADDRESS, () -> TextInput.optional(v(v, RosterColumn.ADDRESS), "address", 200));
        String standing = v(v, RosterColumn.STANDING);
        if (standing != null && !standing.equals("正常") && !standing.equalsIgnoreCase("NORMAL")) {
            issues.add(new CellIssue(RosterColumn.STANDING, "import.standing.onlyNormal", new Object[0]));
        }
        Boolean flow = yesNo(issues, RosterColumn.FLOW, v(v, RosterColumn.FLOW));
        String dest = cell(issues, RosterColumn.FLOW_DESTINATION,
                () -> TextInput.optional(v(v, RosterColumn.FLOW_DESTINATION), "flowDestination", 100));
        if (Boolean.TRUE.equals(flow) && dest == null && v(v, RosterColumn.FLOW_DESTINATION) == null) {
            issues.add(new CellIssue(RosterColumn.FLOW_DESTINATION, "validation.required", new Object[0]));
        }
        Boolean lost = yesNo(issues, RosterColumn.LOST_CONTACT, v(v, RosterColumn.LOST_CONTACT));
        LocalDate lostOn = date(issues, v, RosterColumn.LOST_CONTACT_ON);
        if (Boolean.TRUE.equals(lost) && lostOn == null && v(v, RosterColumn.LOST_CONTACT_ON) == null) {
            issues.add(new CellIssue(RosterColumn.LOST_CONTACT_ON, "validation.required", new Object[0]));
        }
        if (!issues.isEmpty()) {
            return new Parsed(null, issues);
        }
        boolean isFlow = Boolean.TRUE.equals(flow);
        boolean isLost = Boolean.TRUE.equals(lost);
        return new Parsed(new MemberRow(org.id(), org.path(), org.regionOrgId(), name, idn.gender(), ethnicity,
                idn.birthDate(), idn.value(), phone, address, education, personCategory, job, category, joined,
                category == MemberCategory.FULL ? fullOn : null, extension, isFlow, isFlow ? dest : null, isLost,
                isLost ? lostOn : null), List.of());
    }

    private static String v(String[] values, RosterColumn c) {
        return values[c.ordinal()];
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase();
    }

    private LocalDate date(List<CellIssue> issues, String[] values, RosterColumn c) {
        String s = v(values, c);
        if (s == null) {
            return null;
        }
        int year;
        int month;
        int day;
        if (isIsoDate(s)) { // 2012-07-01, the template's form: what DATE would match, without the regex
            year = Integer.parseInt(s, 0, 4, 10);
            month = Integer.parseInt(s, 5, 7, 10);
            day = Integer.parseInt(s, 8, 10, 10);
        } else {
            Matcher m = DATE.matcher(s);
            if (!m.matches()) {
                m = COMPACT_DATE.matcher(s);
            }
            if (!m.matches()) {
                issues.add(new CellIssue(c, "import.cell.date", new Object[0]));
                return null;
            }
            year = Integer.parseInt(m.group(1));
            month = Integer.parseInt(m.group(2));
            day = Integer.parseInt(m.group(3));
        }
        try {
            LocalDate d = LocalDate.of(year, month, day);
            if (d.isAfter(today)) {
                issues.add(new CellIssue(c, "validation.futureDate", new Object[0]));
                return null;
            }
            return d;
        } catch (DateTimeException e) {
            issues.add(new CellIssue(c, "import.cell.date", new Object[0]));
            return null;
        }
    }

    /** {@code dddd-dd-dd}: ASCII digits and dashes only. */
    private static boolean isIsoDate(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            char ch = s.charAt(i);
            if (i != 4 && i != 7 && (ch < '0' || ch > '9')) {
                return false;
            }
        }
        return true;
    }

    private static Gender gender(List<CellIssue> issues, String s) {
        if (s == null) {
            return null;
        }
        return switch (s) {
            case "男", "1", "M", "MALE" -> Gender.MALE;
            case "女", "2", "F", "FEMALE" -> Gender.FEMALE;
            default -> {
                issues.add(new CellIssue(RosterColumn.GENDER, "validation.unknownCode", new Object[0]));
                yield null;
            }
        };
    }

    private static MemberCategory category(List<CellIssue> issues, String s) {
        if (s == null) {
            issues.add(new CellIssue(RosterColumn.CATEGORY, "validation.required", new Object[0]));
            return null;
        }
        return switch (s) {
            case "正式党员", "正式", "FULL" -> MemberCategory.FULL;
            case "预备党员", "预备", "PROBATIONARY" -> MemberCategory.PROBATIONARY;
            default -> {
                issues.add(new CellIssue(RosterColumn.CATEGORY, "validation.unknownCode", new Object[0]));
                yield null;
            }
        };
    }

    private static Boolean yesNo(List<CellIssue> issues, RosterColumn c, String s) {
        if (s == null) {
            return null;
        }
        return switch (s.toLowerCase()) {
            case "是", "y", "yes", "true", "1" -> true;
            case "否", "n", "no", "false", "0" -> false;
            default -> {
                issues.add(new CellIssue(c, "validation.unknownCode", new Object[0]));
                yield null;
            }
        };
    }

    /** A national code given as the code (01) or its label (汉族). */
    private static String code(List<CellIssue> issues, RosterColumn c, Map<String, String[]> table, String s,
                               boolean required) {
        if (s == null) {
            if (required) {
                issues.add(new CellIssue(c, "validation.required", new Object[0]));
            }
            return null;
        }
        if (table.containsKey(s)) {
            return s;
        }
        for (var e : table.entrySet()) {
            if (e.getValue()[0].equals(s) || e.getValue()[1].equalsIgnoreCase(s)) {
                return e.getKey();
            }
        }
        if (s.length() == 1 && table.containsKey("0" + s)) {
            return "0" + s; // a spreadsheet turned 01 into the number 1
        }
        issues.add(new CellIssue(c, "validation.unknownCode", new Object[0]));
        return null;
    }

    private static <T> T cell(List<CellIssue> issues, RosterColumn c, Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidInputException e) {
            for (Violation v : e.violations()) {
                issues.add(new CellIssue(c, v.code(), v.args()));
            }
            return null;
        }
    }
}
