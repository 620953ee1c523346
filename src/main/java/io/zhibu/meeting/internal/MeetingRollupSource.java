package io.zhibu.meeting.internal;

import io.zhibu.meeting.ComplianceRules;
import io.zhibu.meeting.ComplianceRules.Period;
import io.zhibu.meeting.MeetingType;
import io.zhibu.org.OrgNode;
import io.zhibu.org.OrgService;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.rollup.RollupSource;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * 三会一课 implementation per branch and month (R6.1, the figures of the compliance report): each obligation of a
 * required kind is attributed to the month its period ends in — held, or missing once the period is over; open
 * periods not yet held do not count. Whether a period is over moves with the calendar: the nightly rebuild.
 */
@Component
class MeetingRollupSource implements RollupSource {
    private final MeetingRepository repo;
    private final OrgService orgs;
    private final Clock clock;

    MeetingRollupSource(MeetingRepository repo, OrgService orgs, Clock clock) {
        this.repo = repo;
        this.orgs = orgs;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "meeting";
    }

    @Override
    public Kind kind() {
        return Kind.MONTHLY;
    }

    @Override
    public void ownValues(Collection<Long> orgIds, YearMonth from, YearMonth to, Sink sink) {
        Set<Long> wanted = orgIds == null ? null : new HashSet<>(orgIds);
        List<OrgNode> branches = (wanted == null ? orgs.activeNodes() : orgs.activeNodes(wanted)).stream()
                .filter(n -> n.type().holdsMembers()).toList();
        if (branches.isEmpty()) {
            return;
        }
        compute(branches, wanted == null ? null : branches.stream().map(OrgNode::id).toList(), from, to, sink, false);
    }

    @Override
    public void liveSubtreeValues(String path, YearMonth from, YearMonth to, Sink sink) {
        List<OrgNode> branches = orgs.activeNodes().stream().filter(n -> n.type().holdsMembers())
                .filter(n -> OrgPath.covers(path, n.path())).toList();
        compute(branches, branches.stream().map(OrgNode::id).toList(), from, to, sink, true);
    }

    private void compute(List<OrgNode> branches, Collection<Long> orgIds, YearMonth from, YearMonth to, Sink sink,
                         boolean summed) {
        LocalDate today = LocalDate.now(clock);
        LocalDate start = LocalDate.of(from.getYear(), 1, 1); // the year's periods may begin before `from`
        LocalDate end = to.atEndOfMonth();
        OffsetDateTime fromTs = start.atStartOfDay(clock.getZone()).toOffsetDateTime();
        OffsetDateTime toTs = end.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
        Map<Long, Map<MeetingType, List<LocalDate>>> held = new HashMap<>();
        for (var r : repo.lockedOfOrgs(orgIds, fromTs, toTs)) {
            LocalDate day = r.value3().atZoneSameInstant(clock.getZone()).toLocalDate();
            var byType = held.computeIfAbsent(r.value1(), k -> new EnumMap<>(MeetingType.class));
            Arrays.stream(r.value2().split(",")).map(MeetingType::valueOf)
                    .forEach(t -> byType.computeIfAbsent(t, k -> new ArrayList<>()).add(day));
        }
        Map<YearMonth, long[]> sums = new HashMap<>();
        for (OrgNode b : branches) {
            Map<YearMonth, long[]> own = summed ? sums : new HashMap<>();
            var byType = held.getOrDefault(b.id(), Map.of());
            for (MeetingType t : ComplianceRules.required(b.hasChildren())) {
                if (!t.threeMeetingsOneLesson()) {
                    continue;
                }
                List<LocalDate> dates = byType.getOrDefault(t, List.of());
                for (LocalDate d = start; !d.isAfter(end); ) {
                    Period p = ComplianceRules.periodOf(t.frequency(), d);
                    YearMonth m = YearMonth.from(p.end());
                    if (!m.isBefore(from) && !m.isAfter(to)) {
                        ComplianceRules.Status s = ComplianceRules.status(p, dates, today);
                        if (s == ComplianceRules.Status.HELD) {
                            own.computeIfAbsent(m, k -> new long[2])[0]++;
                        } else if (s == ComplianceRules.Status.MISSING) {
                            own.computeIfAbsent(m, k -> new long[2])[1]++;
                        }
                    }
                    d = p.end().plusDays(1);
                }
            }
            if (!summed) {
                emit(b.id(), own, sink);
            }
        }
        if (summed) {
            emit(0, sums, sink);
        }
    }

    private static void emit(long orgId, Map<YearMonth, long[]> values, Sink sink) {
        values.forEach((m, v) -> {
            if (v[0] != 0) {
                sink.accept(orgId, m, "meeting.held", v[0]);
            }
            if (v[1] != 0) {
                sink.accept(orgId, m, "meeting.missing", v[1]);
            }
        });
    }
}
