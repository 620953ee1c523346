package io.zhibu.meeting.internal;

import static io.zhibu.db.Tables.MEETING_EVALUATION;
import static io.zhibu.db.Tables.MEETING_EVALUATION_ENTRY;
import static io.zhibu.db.Tables.MEETING_MEETING;

import io.zhibu.assessment.BranchFactSource;
import io.zhibu.meeting.MeetingType;
import io.zhibu.shared.OrgPath;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Organization-life facts for assessment (rules.md §8.1 ← §6, R6.1), from LOCKED meetings only, one query for the
 * whole subtree: the 三会一课 implementation rate over the periods that have ended by {@code asOf} (支委会 monthly,
 * 党员大会 and 党课 quarterly), months with a 主题党日, and whether the 组织生活会 and 民主评议 were held.
 */
@Component
class AssessmentMeetingFacts implements BranchFactSource {
    static final String RATE = "meeting.three_one_rate";
    static final String THEME = "meeting.theme_day_months";
    static final String ORG_LIFE = "meeting.org_life_held";
    static final String EVALUATION = "meeting.evaluation_held";
    /** R8.2: members graded 不合格 in the year's 民主评议 (Minhang high-voltage line "有不合格党员"). */
    static final String UNQUALIFIED = "meeting.unqualified_members";
    /** R6.3 / issue 18 point 5: the branch's attendance rate of the year (all presences over all calls), in %. */
    static final String ATTENDANCE = "meeting.attendance_rate";
    private final DSLContext db;
    private final ZoneId zone;
    private final MeetingRepository meetings;

    AssessmentMeetingFacts(DSLContext db, Clock clock, MeetingRepository meetings) {
        this.db = db;
        this.zone = clock.getZone();
        this.meetings = meetings;
    }

    @Override
    public List<FactDef> facts() {
        return List.of(new FactDef(RATE, BigDecimal.ZERO, "%", "/meetings/compliance?orgId={orgId}"),
                new FactDef(THEME, BigDecimal.ZERO, "months", "/meetings?orgId={orgId}"),
                new FactDef(ORG_LIFE, BigDecimal.ZERO, "0/1", "/meetings?orgId={orgId}"),
                new FactDef(EVALUATION, BigDecimal.ZERO, "0/1", "/meetings/evaluations"),
                new FactDef(UNQUALIFIED, BigDecimal.ZERO, "members", "/meetings/evaluations"),
                new FactDef(ATTENDANCE, BigDecimal.ZERO, "%", "/meetings/attendance-rates?orgId={orgId}"));
    }

    @Override
    public List<BranchFact> collect(int year, LocalDate asOf, String subtreePath) {
        var from = LocalDate.of(year, 1, 1).atStartOfDay(zone).toOffsetDateTime();
        var to = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toOffsetDateTime();
        Map<Long, Set<String>> held = new HashMap<>(); // org → "TYPE:period"
        Map<Long, Integer> count = new HashMap<>();
        for (var r : db.select(MEETING_MEETING.ORG_ID, MEETING_MEETING.TYPES, MEETING_MEETING.STARTS_AT).from(MEETING_MEETING)
                .where(MEETING_MEETING.ORG_PATH.ge(subtreePath), MEETING_MEETING.ORG_PATH.lt(OrgPath.upperBound(subtreePath)))
                .and(MEETING_MEETING.STARTS_AT.ge(from)).and(MEETING_MEETING.STARTS_AT.lt(to)).and(MEETING_MEETING.LOCKED_AT.isNotNull())
                .fetch()) {
            LocalDate day = r.value3().atZoneSameInstant(zone).toLocalDate();
            Set<String> s = held.computeIfAbsent(r.value1(), k -> new HashSet<>());
            count.merge(r.value1(), 1, Integer::sum);
            for (String t : r.value2().split(",")) {
                s.add(t + ":M" + day.getMonthValue());
                s.add(t + ":Q" + ((day.getMonthValue() - 1) / 3 + 1));
                s.add(t + ":Y");
            }
        }
        // 民主评议 is also recorded as an evaluation of the year (meeting module §R8.1)
        for (var r : db.select(MEETING_EVALUATION.ORG_ID).from(MEETING_EVALUATION)
                .where(MEETING_EVALUATION.ORG_PATH.ge(subtreePath), MEETING_EVALUATION.ORG_PATH.lt(OrgPath.upperBound(subtreePath)))
                .and(MEETING_EVALUATION.EVAL_YEAR.eq(year)).fetch()) {
            held.computeIfAbsent(r.value1(), k -> new HashSet<>()).add(MeetingType.EVALUATION.name() + ":Y");
        }
        List<BranchFact> unqualified = new ArrayList<>();
        for (var r : db.select(MEETING_EVALUATION.ORG_ID, DSL.count()).from(MEETING_EVALUATION_ENTRY)
                .join(MEETING_EVALUATION).on(MEETING_EVALUATION.ID.eq(MEETING_EVALUATION_ENTRY.EVALUATION_ID))
                .where(MEETING_EVALUATION.ORG_PATH.ge(subtreePath), MEETING_EVALUATION.ORG_PATH.lt(OrgPath.upperBound(subtreePath)))
                .and(MEETING_EVALUATION.EVAL_YEAR.eq(year))
                .and(MEETING_EVALUATION_ENTRY.GRADE.eq(io.zhibu.meeting.EvaluationRules.Grade.UNQUALIFIED))
                .groupBy(MEETING_EVALUATION.ORG_ID).fetch()) {
            unqualified.add(new BranchFact(r.value1(), UNQUALIFIED, BigDecimal.valueOf(r.value2()), "民主评议不合格 " + r.value2() + " 名"));
        }
        int months = endedMonths(year, asOf);
        int quarters = months / 3;
        List<BranchFact> out = new ArrayList<>();
        held.forEach((org, s) -> {
            int committee = countPeriods(s, MeetingType.COMMITTEE, "M", months);
            int assembly = countPeriods(s, MeetingType.BRANCH_ASSEMBLY, "Q", quarters);
            int lecture = countPeriods(s, MeetingType.PARTY_LECTURE, "Q", quarters);
            int due = months + 2 * quarters;
            BigDecimal rate = due == 0 ? BigDecimal.valueOf(100)
                    : BigDecimal.valueOf((committee + assembly + lecture) * 100L).divide(BigDecimal.valueOf(due), 2, RoundingMode.HALF_UP);
            String detail = "支委会 " + committee + "/" + months + " 月, 党员大会 " + assembly + "/" + quarters + " 季, 党课 "
                    + lecture + "/" + quarters + " 季 (" + count.getOrDefault(org, 0) + " locked meetings)";
            out.add(new BranchFact(org, RATE, rate, detail));
            int theme = countPeriods(s, MeetingType.THEME_DAY, "M", 12);
            out.add(new BranchFact(org, THEME, BigDecimal.valueOf(theme), "主题党日 " + theme + " 个月"));
            boolean orgLife = s.contains(MeetingType.ORG_LIFE.name() + ":Y");
            out.add(new BranchFact(org, ORG_LIFE, orgLife ? BigDecimal.ONE : BigDecimal.ZERO, orgLife ? "组织生活会已召开" : "组织生活会未召开"));
            boolean eval = s.contains(MeetingType.EVALUATION.name() + ":Y");
            out.add(new BranchFact(org, EVALUATION, eval ? BigDecimal.ONE : BigDecimal.ZERO, eval ? "民主评议已开展" : "民主评议未开展"));
        });
        out.addAll(unqualified);
        Map<Long, long[]> attendance = new HashMap<>(); // org → {present, called}
        for (var r : meetings.attendanceByMember(subtreePath, from, to)) {
            long[] v = attendance.computeIfAbsent(r.value2(), k -> new long[2]);
            v[0] += r.value4();
            v[1] += r.value4() + r.value5() + r.value6();
        }
        attendance.forEach((org, v) -> {
            if (v[1] > 0) {
                out.add(new BranchFact(org, ATTENDANCE, BigDecimal.valueOf(v[0] * 100L).divide(BigDecimal.valueOf(v[1]), 2,
                        RoundingMode.HALF_UP), "出勤 " + v[0] + "/" + v[1] + " 人次"));
            }
        });
        return out;
    }

    /** Months of {@code year} that have ended by {@code asOf} (all 12 once the year is over). */
    static int endedMonths(int year, LocalDate asOf) {
        if (asOf.getYear() > year || asOf.equals(LocalDate.of(year, 12, 31))) {
            return 12;
        }
        return asOf.getYear() < year ? 0 : asOf.getMonthValue() - 1;
    }

    private static int countPeriods(Set<String> held, MeetingType t, String kind, int upTo) {
        int n = 0;
        for (int i = 1; i <= upTo; i++) {
            if (held.contains(t.name() + ":" + kind + i)) {
                n++;
            }
        }
        return n;
    }
}
