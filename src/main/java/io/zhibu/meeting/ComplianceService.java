package io.zhibu.meeting;

import io.zhibu.meeting.ComplianceRecords.*;
import io.zhibu.meeting.ComplianceRules.Period;
import io.zhibu.meeting.MeetingType.Frequency;
import io.zhibu.meeting.internal.MeetingRepository;
import io.zhibu.org.OrgService;
import io.zhibu.org.OrgType;
import io.zhibu.org.Organization;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compliance of organization life (R6.1), derived on every read from the LOCKED meeting records of a branch or
 * subtree: per kind and period held / open / warning (7 days before the end) / missing (after the end), and the
 * 三会一课 implementation rate of each branch and each child subtree for the quarter.
 */
@Service
public class ComplianceService {
    private static final List<OrgType> BRANCH_TYPES = List.of(OrgType.BRANCH, OrgType.JOINT_BRANCH, OrgType.TEMPORARY_BRANCH);
    private final MeetingRepository repo;
    private final OrgService orgs;
    private final Clock clock;

    public ComplianceService(MeetingRepository repo, OrgService orgs, Clock clock) {
        this.repo = repo;
        this.orgs = orgs;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ComplianceReport report(DataScope scope, Long orgId, LocalDate date) {
        if (scope.selfOnly() || !scope.canReadRoster()) {
            throw new ForbiddenException("compliance is for secretaries and superiors");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate on = date == null ? today : date;
        Organization org = orgs.get(scope, orgId != null ? orgId : scope.scopeOrgId() != null ? scope.scopeOrgId()
                : orgs.scopeRoots(scope).getFirst().id());
        Period quarter = ComplianceRules.periodOf(Frequency.QUARTER, on);
        Period year = ComplianceRules.periodOf(Frequency.YEAR, on);
        Map<Long, Map<MeetingType, List<LocalDate>>> held = heldByBranch(org.path(), year);
        List<Organization> branches = org.type().holdsMembers() ? List.of(org)
                : orgs.activeIn(scope, org.id(), BRANCH_TYPES);
        Map<Long, BranchCompliance> byBranch = new HashMap<>();
        for (Organization b : branches) {
            byBranch.put(b.id(), branch(b, held.getOrDefault(b.id(), Map.of()), quarter, year, today));
        }
        SubtreeCompliance total = sum(org, branches, byBranch);
        List<SubtreeCompliance> children = new ArrayList<>();
        if (!org.type().holdsMembers()) {
            for (Organization child : orgs.children(scope, org.id(), false)) {
                List<Organization> inChild = branches.stream().filter(b -> b.path().startsWith(child.path())).toList();
                if (!inChild.isEmpty()) {
                    children.add(sum(child, inChild, byBranch));
                }
            }
        }
        return new ComplianceReport(org.id(), org.name(), quarter.start(), quarter.end(), total,
                org.type().holdsMembers() ? byBranch.get(org.id()) : null, children);
    }

    /** One branch: each required kind in each of its periods of the quarter (yearly kinds: the year). */
    static BranchCompliance branch(Organization b, Map<MeetingType, List<LocalDate>> held, Period quarter, Period year,
                                   LocalDate today) {
        List<TypeCompliance> types = new ArrayList<>();
        int ok = 0;
        int missing = 0;
        Set<MeetingType> required = ComplianceRules.required(b.hasChildren()); // a branch's children are party groups
        for (MeetingType t : MeetingType.values()) {
            if (!required.contains(t)) {
                continue;
            }
            List<Period> periods = switch (t.frequency()) {
                case MONTH -> ComplianceRules.periodsWithin(Frequency.MONTH, quarter);
                case QUARTER -> List.of(quarter);
                default -> List.of(year);
            };
            List<LocalDate> dates = held.getOrDefault(t, List.of());
            List<PeriodStatus> statuses = new ArrayList<>();
            for (Period p : periods) {
                ComplianceRules.Status s = ComplianceRules.status(p, dates, today);
                statuses.add(new PeriodStatus(p.start(), p.end(), s, (int) dates.stream().filter(p::contains).count()));
                if (t.threeMeetingsOneLesson() && s == ComplianceRules.Status.HELD) {
                    ok++;
                } else if (t.threeMeetingsOneLesson() && s == ComplianceRules.Status.MISSING) {
                    missing++;
                }
            }
            types.add(new TypeCompliance(t, statuses));
        }
        return new BranchCompliance(b.id(), b.name(), quarter.start(), quarter.end(), types, ok, missing,
                ComplianceRules.ratePerMille(ok, missing));
    }

    private static SubtreeCompliance sum(Organization root, List<Organization> branches, Map<Long, BranchCompliance> by) {
        int ok = 0;
        int missing = 0;
        for (Organization b : branches) {
            ok += by.get(b.id()).held();
            missing += by.get(b.id()).missing();
        }
        return new SubtreeCompliance(root.id(), root.name(), root.type().holdsMembers(), branches.size(), ok, missing,
                ComplianceRules.ratePerMille(ok, missing));
    }

    /** Locked meetings per branch and kind; a meeting tagged with two kinds counts for both (R6.1). */
    private Map<Long, Map<MeetingType, List<LocalDate>>> heldByBranch(String path, Period year) {
        Map<Long, Map<MeetingType, List<LocalDate>>> out = new HashMap<>();
        var from = year.start().atStartOfDay(clock.getZone()).toOffsetDateTime();
        var to = year.end().plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
        for (var r : repo.lockedBetween(path, from, to)) {
            LocalDate day = r.value3().atZoneSameInstant(clock.getZone()).toLocalDate();
            Map<MeetingType, List<LocalDate>> m = out.computeIfAbsent(r.value1(), k -> new EnumMap<>(MeetingType.class));
            Arrays.stream(r.value2().split(",")).map(MeetingType::valueOf)
                    .forEach(t -> m.computeIfAbsent(t, k -> new ArrayList<>()).add(day));
        }
        return out;
    }
}
