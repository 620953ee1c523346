package io.zhibu.learning;

import io.zhibu.audit.AuditLog;
import io.zhibu.db.tables.records.LearningHoursRecord;
import io.zhibu.db.tables.records.LearningMemberRecord;
import io.zhibu.learning.LearningRecords.BranchHours;
import io.zhibu.learning.LearningRecords.HoursLine;
import io.zhibu.learning.LearningRecords.HoursSource;
import io.zhibu.learning.LearningRecords.MemberHours;
import io.zhibu.learning.LearningRecords.MyHours;
import io.zhibu.learning.LearningRecords.OfflineForm;
import io.zhibu.learning.internal.Access;
import io.zhibu.learning.internal.FileTypes;
import io.zhibu.learning.internal.LearningRepository;
import io.zhibu.shared.files.FileStore;
import io.zhibu.meeting.MeetingType;
import io.zhibu.meeting.TrainingAttendance;
import io.zhibu.member.MemberDirectory;
import io.zhibu.org.OrgService;
import io.zhibu.org.Organization;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.TextInput;
import io.zhibu.shared.Violation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 学时 study hours per member and calendar year (R7.1, R7.3): online study (from completions), meetings that count
 * as training (locked 党课 the member attended, from the meeting module) and offline training entered by the branch
 * with evidence; against the annual requirement per role with the pace as the year advances.
 */
@Service
public class StudyHours {
    private final LearningRepository repo;
    private final StudyRules rules;
    private final TrainingAttendance training;
    private final MemberDirectory directory;
    private final OrgService orgs;
    private final FileStore files;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Set<MeetingType> trainingTypes;

    public StudyHours(LearningRepository repo, StudyRules rules, TrainingAttendance training, MemberDirectory directory,
                      OrgService orgs, FileStore files, AuditLog audit, ApplicationEventPublisher events,
                      TransactionTemplate tx, Clock clock,
                      LearningProperties settings) {
        this.repo = repo;
        this.rules = rules;
        this.training = training;
        this.directory = directory;
        this.orgs = orgs;
        this.files = files;
        this.audit = audit;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.trainingTypes = settings.trainingMeetingTypes();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Total 学时 of the year per member (online + training meetings + offline), for rankings in other modules.
     * Not scoped: the caller passes member ids it has already limited to its caller's scope. Members without hours
     * are absent.
     */
    public Map<Long, BigDecimal> yearHoursByMember(int year, Collection<Long> memberIds) {
        Map<Long, BigDecimal> out = new HashMap<>();
        tx.executeWithoutResult(s -> {
            for (var e : ledger(year, memberIds).entrySet()) {
                out.merge(e.getKey(), e.getValue().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add), BigDecimal::add);
            }
            for (var e : meetingLines(year, memberIds).entrySet()) {
                out.merge(e.getKey(), e.getValue().stream().map(HoursLine::hours).reduce(BigDecimal.ZERO, BigDecimal::add),
                        BigDecimal::add);
            }
        });
        return out;
    }

    /**
     * The completions of a year in id order, a page after {@code afterId}: the facts that {@code MaterialCompleted}
     * announced, for a module that replays them set-wise (the points benchmark books its study lines from them).
     * Not scoped: for system use only, never for a caller's request.
     */
    public List<LearningRecords.CompletedStudy> completions(int year, long afterId, int limit) {
        return tx.execute(s -> repo.completions(year, afterId, Math.max(1, Math.min(limit, 20_000))));
    }

    /** One member's year: the summary against the requirement, every line, and the coming study days. */
    public MyHours member(DataScope scope, long memberId, Integer year) {
        int y = year(year);
        return tx.execute(s -> {
            LearningMemberRecord m = Access.member(repo, scope, memberId);
            List<HoursLine> lines = new ArrayList<>(repo.hours(memberId, y, 500).stream()
                    .map(h -> new HoursLine(h.getSource(), h.getSourceRef(), h.getTitle(),
                            h.getOnDate(), h.getHours())).toList());
            lines.addAll(meetingLines(y, List.of(memberId)).getOrDefault(memberId, List.of()));
            lines.sort(Comparator.comparing(HoursLine::date).reversed());
            String name = directory.namesOf(scope, List.of(memberId)).get(memberId);
            return new MyHours(summarize(m, name, y, lines), lines, rules.nextStudyDays(today(), 3));
        });
    }

    /** A branch's members against the requirement, those behind schedule first. */
    public BranchHours branch(DataScope scope, long orgId, Integer year) {
        Access.requireManager(scope);
        Organization org = orgs.get(scope, orgId);
        int y = year(year);
        return tx.execute(s -> {
            List<LearningMemberRecord> members = repo.membersOfOrg(org.id(), 2000);
            List<Long> ids = members.stream().map(LearningMemberRecord::getMemberId).toList();
            Map<Long, Map<HoursSource, BigDecimal>> ledger = ledger(y, ids);
            Map<Long, List<HoursLine>> meetings = meetingLines(y, ids);
            Map<Long, String> names = directory.namesOf(scope, ids);
            List<MemberHours> rows = new ArrayList<>();
            for (LearningMemberRecord m : members) {
                List<HoursLine> lines = new ArrayList<>(meetings.getOrDefault(m.getMemberId(), List.of()));
                ledger.getOrDefault(m.getMemberId(), Map.of()).forEach((src, h) ->
                        lines.add(new HoursLine(src, "", "", today(), h)));
                rows.add(summarize(m, names.get(m.getMemberId()), y, lines));
            }
            rows.sort(Comparator.comparing((MemberHours h) -> h.pace().ordinal()).reversed()
                    .thenComparing(MemberHours::percent));
            int behind = (int) rows.stream().filter(r -> r.pace() == StudyRules.Pace.BEHIND).count();
            int done = (int) rows.stream().filter(r -> r.pace() == StudyRules.Pace.DONE).count();
            return new BranchHours(org.id(), org.name(), y, rows, behind, done);
        });
    }

    /** The year's fixed monthly study days (default the 23rd). */
    public List<LocalDate> studyDays(int year) {
        List<LocalDate> out = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            out.add(rules.studyDay(YearMonth.of(year, m)));
        }
        return out;
    }

    /** Marks a member as secretary or committee member (R7.1: 56 学时) or back to member (32). */
    public MemberHours setCadre(DataScope scope, long memberId, boolean cadre) {
        Access.requireManager(scope);
        tx.executeWithoutResult(s -> {
            LearningMemberRecord m = Access.member(repo, scope, memberId);
            repo.setCadre(memberId, cadre);
            audit.success("learning.cadre", "member", memberId, m.getOrgPath(), "cadre=" + cadre);
        });
        return member(scope, memberId, null).hours();
    }

    /**
     * Offline training entered by the branch (R7.3) for several members at once, with evidence (a note and
     * optionally a scan: PDF, JPEG or PNG checked by content). A course across New Year is split by year. Every
     * member must be in the org; bad input writes nothing; entering the same course twice is refused.
     */
    public List<HoursLine> recordOffline(DataScope scope, long orgId, OfflineForm f, String evidenceName, byte[] evidence) {
        Access.requireManager(scope);
        Organization org = orgs.get(scope, orgId);
        List<Violation> errors = new ArrayList<>();
        if (f == null) {
            throw InvalidInputException.of("title", "validation.required");
        }
        String title = InvalidInputException.collect(errors, () -> TextInput.required(f.title(), "title", 100));
        String note = InvalidInputException.collect(errors, () -> TextInput.required(f.evidence(), "evidence", 500));
        if (f.from() == null) {
            errors.add(new Violation("from", "validation.required"));
        }
        LocalDate to = f.to() == null ? f.from() : f.to();
        if (f.from() != null && to.isBefore(f.from())) {
            errors.add(new Violation("to", "learning.hours.order"));
        } else if (to != null && to.isAfter(today())) {
            errors.add(new Violation("to", "validation.futureDate"));
        } else if (f.from() != null) {
            String problem = StudyRules.offlineHoursProblem(f.hours(), f.from(), to); // R7.3
            if (problem != null) {
                errors.add(new Violation("hours", problem));
            }
        }
        List<Long> ids = f.memberIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(f.memberIds()));
        if (ids.isEmpty()) {
            errors.add(new Violation("memberIds", "validation.required"));
        }
        String type = null;
        if (evidence != null && evidence.length > 0) {
            type = FileTypes.sniff(evidence);
            String claimed = FileTypes.claimed(evidenceName);
            if (type == null || type.startsWith("video/") || (claimed != null && !claimed.equals(type))) {
                errors.add(new Violation("file", "learning.file.notWhatItSays"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String evidenceType = type;
        return tx.execute(s -> {
            List<LearningMemberRecord> members = new ArrayList<>();
            for (Long id : ids) {
                LearningMemberRecord m = repo.member(id).filter(x -> x.getOrgId() == org.id() && scope.covers(x.getOrgPath()))
                        .orElseThrow(() -> new NotFoundException("member", id));
                members.add(m);
            }
            String ref = "T" + Integer.toHexString((title + "|" + f.from() + "|" + to).hashCode());
            boolean duplicate = repo.hoursRecorded(ids, HoursSource.OFFLINE, ref);
            if (duplicate) {
                throw new io.zhibu.shared.ConflictException("learning.hours.duplicate");
            }
            String key = null;
            if (evidenceType != null) {
                key = "learning/" + org.regionOrgId() + "/evidence-" + UUID.randomUUID();
                String k = key;
                files.put(k, evidence);
                if (TransactionSynchronizationManager.isSynchronizationActive()) {
                    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            if (status != STATUS_COMMITTED) {
                                files.delete(k);
                            }
                        }
                    });
                }
            }
            Map<Integer, BigDecimal> split = StudyRules.splitByYear(f.from(), to, f.hours()); // R7.3
            List<HoursLine> out = new ArrayList<>();
            for (LearningMemberRecord m : members) {
                for (var part : split.entrySet()) {
                    LearningHoursRecord h = repo.newHours();
                    h.setRegionOrgId(m.getRegionOrgId());
                    h.setOrgPath(m.getOrgPath());
                    h.setMemberId(m.getMemberId());
                    h.setStudyYear(part.getKey());
                    h.setSource(HoursSource.OFFLINE);
                    h.setSourceRef(ref);
                    h.setHours(part.getValue());
                    h.setOnDate(part.getKey() == f.from().getYear() ? f.from() : LocalDate.of(part.getKey(), 1, 1));
                    h.setTitle(title);
                    h.setEvidence(note);
                    h.setEvidenceKey(key);
                    h.setEvidenceType(evidenceType);
                    h.setCreatedBy(scope.username());
                    h.setCreatedAt(OffsetDateTime.now(clock));
                    h.store();
                    out.add(new HoursLine(HoursSource.OFFLINE, ref, title, h.getOnDate(), h.getHours()));
                    events.publishEvent(new LearningEvents.TrainingRecorded(m.getMemberId(), part.getKey(),
                            part.getValue(), h.getOnDate()));
                }
            }
            audit.success("learning.hours.offline", "org", org.id(), org.path(),
                    title + " " + f.from() + "…" + to + " " + f.hours() + " h × " + members.size());
            return out;
        });
    }

    // ---------------------------------------------------------------- internals

    private MemberHours summarize(LearningMemberRecord m, String name, int year, List<HoursLine> lines) {
        Map<HoursSource, BigDecimal> by = new HashMap<>();
        lines.forEach(l -> by.merge(l.source(), l.hours(), BigDecimal::add));
        BigDecimal online = by.getOrDefault(HoursSource.ONLINE, BigDecimal.ZERO);
        BigDecimal meeting = by.getOrDefault(HoursSource.MEETING, BigDecimal.ZERO);
        BigDecimal offline = by.getOrDefault(HoursSource.OFFLINE, BigDecimal.ZERO);
        BigDecimal total = online.add(meeting).add(offline);
        int required = rules.requiredHours(m.getCadre());
        LocalDate today = today();
        // a past year is judged at its end, a future one at its start
        LocalDate asOf = year < today.getYear() ? LocalDate.of(year, 12, 31)
                : year > today.getYear() ? LocalDate.of(year, 1, 1) : today;
        return new MemberHours(m.getMemberId(), name, year, m.getCadre(), required, online, meeting, offline, total,
                StudyRules.percent(total, required), StudyRules.expectedByNow(required, asOf),
                StudyRules.pace(total, required, asOf));
    }

    /** Ledger sums per member and source for the year (one grouped query per 1,000 members). */
    private Map<Long, Map<HoursSource, BigDecimal>> ledger(int year, Collection<Long> memberIds) {
        Map<Long, Map<HoursSource, BigDecimal>> out = new HashMap<>();
        List<Long> ids = List.copyOf(memberIds);
        for (int i = 0; i < ids.size(); i += 1000) {
            repo.hoursBySource(year, ids.subList(i, Math.min(ids.size(), i + 1000)),
                    (member, source, hours) -> out.computeIfAbsent(member, k -> new HashMap<>()).put(source, hours));
        }
        return out;
    }

    /** Training meetings attended in the year, each counted in half hours up to a full day (R7.3). */
    private Map<Long, List<HoursLine>> meetingLines(int year, Collection<Long> memberIds) {
        Map<Long, List<HoursLine>> out = new HashMap<>();
        for (TrainingAttendance.Attended a : training.attended(memberIds, trainingTypes, LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31), clock.getZone())) {
            BigDecimal h = StudyRules.meetingHours(a.startsAt(), a.endsAt());
            if (h.signum() > 0) {
                out.computeIfAbsent(a.memberId(), k -> new ArrayList<>()).add(new HoursLine(HoursSource.MEETING,
                        "meeting-" + a.meetingId(), a.title(), a.startsAt().atZoneSameInstant(clock.getZone()).toLocalDate(), h));
            }
        }
        return out;
    }

    private int year(Integer year) {
        int y = year == null ? today().getYear() : year;
        if (y < 2000 || y > 2100) {
            throw InvalidInputException.of("year", "validation.invalid");
        }
        return y;
    }
}
