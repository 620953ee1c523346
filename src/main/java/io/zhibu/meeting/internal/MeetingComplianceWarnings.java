package io.zhibu.meeting.internal;

import io.zhibu.meeting.ComplianceRules;
import io.zhibu.meeting.ComplianceRules.Period;
import io.zhibu.meeting.MeetingType;
import io.zhibu.meeting.MeetingType.Frequency;
import io.zhibu.org.OrgService;
import io.zhibu.org.OrgType;
import io.zhibu.org.Organization;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.Role;
import io.zhibu.warning.MeetingComplianceRule;
import io.zhibu.warning.RuleSettings;
import io.zhibu.warning.WarningCandidate;
import io.zhibu.warning.WarningRule;
import io.zhibu.warning.WarningSource;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * R6.1 compliance facts: for every active branch and every required kind, the current period (at risk from 7 days
 * before its end) and the period that ended last (missing). Locked meetings of the last two years in one query,
 * branches from the org module's API; the period arithmetic is {@link ComplianceRules}'.
 */
@Component
class MeetingComplianceWarnings implements WarningSource {
    private static final DataScope SYSTEM = new DataScope(0, "system", Role.ADMIN, null, OrgPath.ROOT, null, null);
    private static final List<OrgType> BRANCH_TYPES = List.of(OrgType.BRANCH, OrgType.JOINT_BRANCH, OrgType.TEMPORARY_BRANCH);
    private final MeetingRepository repo;
    private final OrgService orgs;
    private final Clock clock;

    MeetingComplianceWarnings(MeetingRepository repo, OrgService orgs, Clock clock) {
        this.repo = repo;
        this.orgs = orgs;
        this.clock = clock;
    }

    @Override
    public WarningRule rule() {
        return WarningRule.MEETING_COMPLIANCE;
    }

    /** The periods looked at on {@code today}: the one containing it and the one before (same frequency). */
    static List<Period> periods(Frequency f, LocalDate today) {
        Period current = ComplianceRules.periodOf(f, today);
        return List.of(ComplianceRules.periodOf(f, current.start().minusDays(1)), current);
    }

    @Override
    public void candidates(LocalDate today, RuleSettings settings, Consumer<WarningCandidate> sink) {
        LocalDate from = LocalDate.of(today.getYear() - 1, 1, 1);
        Map<Long, Map<MeetingType, List<LocalDate>>> held = new HashMap<>();
        for (var r : repo.lockedBetween("", from.atStartOfDay(clock.getZone()).toOffsetDateTime(),
                today.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime())) {
            LocalDate day = r.value3().atZoneSameInstant(clock.getZone()).toLocalDate();
            Map<MeetingType, List<LocalDate>> m = held.computeIfAbsent(r.value1(), k -> new EnumMap<>(MeetingType.class));
            Arrays.stream(r.value2().split(",")).map(MeetingType::valueOf)
                    .forEach(t -> m.computeIfAbsent(t, k -> new ArrayList<>()).add(day));
        }
        Map<Frequency, List<Period>> periods = new EnumMap<>(Frequency.class);
        for (Frequency f : List.of(Frequency.MONTH, Frequency.QUARTER, Frequency.YEAR)) {
            periods.put(f, periods(f, today));
        }
        for (Organization root : orgs.scopeRoots(SYSTEM)) {
            for (Organization b : orgs.activeIn(SYSTEM, root.id(), BRANCH_TYPES)) {
                Map<MeetingType, List<LocalDate>> h = held.getOrDefault(b.id(), Map.of());
                for (MeetingType t : ComplianceRules.required(b.hasChildren())) {
                    List<LocalDate> dates = h.getOrDefault(t, List.of());
                    for (Period p : periods.get(t.frequency())) {
                        if (b.establishedOn() != null && b.establishedOn().isAfter(p.start())) {
                            continue; // no obligation for a period the branch did not exist for in full
                        }
                        String level = MeetingComplianceRule.level(p.end(), dates.stream().anyMatch(p::contains),
                                today, settings);
                        if (level != null) {
                            sink.accept(new WarningCandidate(WarningRule.MEETING_COMPLIANCE,
                                    "org:" + b.id() + ":" + t.name() + ":" + p.start(), b.id(), b.path(), null, b.name(),
                                    level, p.end(), t.name()));
                        }
                    }
                }
            }
        }
    }
}
