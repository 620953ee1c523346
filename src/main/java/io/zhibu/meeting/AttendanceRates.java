package io.zhibu.meeting;

import io.zhibu.audit.AuditLog;
import io.zhibu.meeting.internal.MeetingRepository;
import io.zhibu.org.OrgService;
import io.zhibu.org.Organization;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.InvalidInputException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R6.3 出勤率 per member per year and the branch's publicity list (公示): for each member called to the branch's locked
 * meetings of the year, how often present, on leave, absent, and the rate ({@link AttendanceRateRules}); the branch's
 * rate (all presences over all calls) is also the assessment fact {@code meeting.attendance_rate}. For the branch
 * secretary and superiors; reading the list is audited.
 */
@Service
public class AttendanceRates {
    public record Line(long memberId, String name, int present, int leave, int absent, Integer ratePerMille, boolean low) {
    }

    public record Publicity(long orgId, String orgName, int year, List<Line> lines, Integer branchRatePerMille) {
    }

    private final MeetingRepository repo;
    private final OrgService orgs;
    private final AuditLog audit;
    private final Clock clock;

    public AttendanceRates(MeetingRepository repo, OrgService orgs, AuditLog audit, Clock clock) {
        this.repo = repo;
        this.orgs = orgs;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Publicity publicity(DataScope scope, Long orgId, Integer year) {
        if (scope.selfOnly() || !scope.canReadRoster()) {
            throw new ForbiddenException("the attendance list is posted by the branch");
        }
        Long id = orgId != null ? orgId : scope.scopeOrgId();
        if (id == null) {
            throw InvalidInputException.of("orgId", "validation.required");
        }
        Organization o = orgs.get(scope, id);
        if (!o.type().holdsMembers()) {
            throw InvalidInputException.of("orgId", "meeting.rates.branchOnly");
        }
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        if (y < 1921 || y > LocalDate.now(clock).getYear() + 1) {
            throw InvalidInputException.of("year", "meeting.rates.year");
        }
        var from = LocalDate.of(y, 1, 1).atStartOfDay(clock.getZone()).toOffsetDateTime();
        var to = LocalDate.of(y + 1, 1, 1).atStartOfDay(clock.getZone()).toOffsetDateTime();
        long present = 0;
        long called = 0;
        List<Line> lines = new java.util.ArrayList<>();
        for (var r : repo.attendanceByMember(o.path(), from, to)) {
            if (r.value2() != o.id()) {
                continue; // a 党小组 or sub-branch below: its own list
            }
            Integer rate = AttendanceRateRules.ratePerMille(r.value4(), r.value5(), r.value6());
            lines.add(new Line(r.value1(), r.value3(), r.value4(), r.value5(), r.value6(), rate, AttendanceRateRules.low(rate)));
            present += r.value4();
            called += r.value4() + r.value5() + r.value6();
        }
        lines.sort(Comparator.comparing(Line::name, java.text.Collator.getInstance(java.util.Locale.CHINA)));
        audit.read("meeting.attendance.publicity", "org", o.id(), o.path(), String.valueOf(y));
        return new Publicity(o.id(), o.name(), y, lines, called == 0 ? null : (int) Math.round(present * 1000.0 / called));
    }
}
