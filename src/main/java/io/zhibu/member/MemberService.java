package io.zhibu.member;

import io.zhibu.audit.AuditLog;
import io.zhibu.db.tables.records.MemberMemberRecord;
import io.zhibu.member.internal.MemberRepository;
import io.zhibu.member.internal.MemberRow;
import io.zhibu.org.OrgService;
import io.zhibu.org.Organization;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.IdCardNumber;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.MobilePhone;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.Page;
import io.zhibu.shared.PartyCalendar;
import io.zhibu.shared.Role;
import io.zhibu.shared.TextInput;
import io.zhibu.shared.Violation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 党员 the member roster: scoped search, detail, create and edit with the §9.1 validations, audited reveal. */
@Service
public class MemberService {
    private final MemberRepository repo;
    private final OrgService orgs;
    private final AuditLog audit;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final io.zhibu.member.internal.RosterImportRepository bulk;

    /**
     * Totals of large rosters (a city's 220,000 members), kept refresh-ahead for {@code zhibu.members.large-total-cache}
     * (default 5 s) — issue 20: counting them on every page cost the city's roster its 100-ms target. Only totals of
     * at least {@code zhibu.members.large-total} (default 10,000) are kept: a few seconds of lag cannot mislead
     * anyone about such a number, while a branch's or a search's total is counted on every call.
     */
    private final io.zhibu.shared.RefreshAhead<Object, Long> largeTotals;

    private record TotalKey(String scopePath, Long self, String subtree, MemberFilter filter, LocalDate today) {
    }

    public MemberService(MemberRepository repo, OrgService orgs, AuditLog audit, Clock clock,
                         org.springframework.context.ApplicationEventPublisher events,
                         io.zhibu.member.internal.RosterImportRepository bulk,
                         @org.springframework.beans.factory.annotation.Value("${zhibu.members.large-total-cache:PT5S}")
                         java.time.Duration largeTotalCache,
                         @org.springframework.beans.factory.annotation.Value("${zhibu.members.large-total:10000}")
                         long largeTotal) {
        this.largeTotals = new io.zhibu.shared.RefreshAhead<>(largeTotalCache, largeTotalCache.multipliedBy(12),
                1_000, () -> 0L, n -> n >= largeTotal);
        this.bulk = bulk;
        this.repo = repo;
        this.orgs = orgs;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Page<MemberSummary> search(DataScope scope, MemberFilter filter, Integer page, Integer size) {
        requireReader(scope);
        MemberFilter f = filter == null ? MemberFilter.all() : filter;
        String subtree = f.orgId() == null ? null : orgs.get(scope, f.orgId()).path();
        Condition c = repo.filter(scope.orgPath(), scope.selfOnly() ? scope.selfMemberId() : null, subtree, f, today());
        int p = Page.clampPage(page);
        int s = Page.clampSize(size);
        List<MemberMemberRecord> rows = repo.page(c, p, s);
        Map<Long, String> names = orgNames(rows);
        LocalDate today = today();
        List<MemberSummary> items = rows.stream().map(r -> new MemberSummary(r.getId(), r.getName(),
                MemberRepository.gender(r), PartyCalendar.ageOn(r.getBirthDate(), today), r.getOrgId(),
                names.get(r.getOrgId()), r.getCategory(), r.getJoinedOn(),
                r.getIdNumberMasked(), r.getPhoneMasked(), r.getEducation())).toList();
        long total = largeTotals.get(new TotalKey(scope.orgPath(), scope.selfOnly() ? scope.selfMemberId() : null,
                subtree, f, today), () -> repo.count(c));
        return new Page<>(items, p, s, total);
    }

    @Transactional(readOnly = true)
    public MemberView get(DataScope scope, long id) {
        MemberMemberRecord r = load(scope, id);
        return view(r, orgs.get(scope, r.getOrgId()).name());
    }

    /** The branch of a member, to build the member's own data scope when they sign in (no scope applies yet). */
    @Transactional(readOnly = true)
    public java.util.Optional<Long> branchOf(long memberId) {
        return repo.find(memberId).map(MemberMemberRecord::getOrgId);
    }

    /** Unmasked ID number, phone and address; refused without the right, and every reveal is audited. */
    @Transactional(readOnly = true)
    public RevealedContact reveal(DataScope scope, long id) {
        MemberMemberRecord r = load(scope, id);
        if (!scope.canReveal(id)) {
            throw new ForbiddenException("no right to reveal");
        }
        audit.read("member.reveal", "member", id, r.getOrgPath(), "id number, phone, address");
        return new RevealedContact(id, repo.decrypt(r.getIdNumberEnc()), repo.decrypt(r.getPhoneEnc()),
                repo.decrypt(r.getAddressEnc()));
    }

    @Transactional
    public MemberView create(DataScope scope, MemberForm form) {
        requireManager(scope);
        Validated v = validate(scope, form, null);
        long id = repo.insert(v.row());
        events.publishEvent(new MemberEvents.Registered(List.of(facts(repo.find(id).orElseThrow()))));
        audit.success("member.create", "member", id, v.org().path(), v.row().name() + " " + IdCardNumber.mask(v.row().idNumber()));
        return view(repo.find(id).orElseThrow(), v.org().name());
    }

    @Transactional
    public MemberView update(DataScope scope, long id, MemberForm form) {
        requireManager(scope);
        MemberMemberRecord current = load(scope, id);
        if (form.version() == null) {
            throw InvalidInputException.of("version", "validation.required");
        }
        Validated v = validate(scope, keepSealedFields(form, current), current);
        if (!repo.update(id, form.version(), v.row())) {
            throw new ConflictException("error.concurrentChange");
        }
        MemberMemberRecord updated = repo.find(id).orElseThrow();
        events.publishEvent(new MemberEvents.Updated(facts(updated)));
        // the branch the member left loses them from its figures too
        events.publishEvent(io.zhibu.shared.rollup.FactsChanged.stock("member", List.of(current.getOrgId())));
        audit.success("member.update", "member", id, v.org().path(), changes(current, v.row()));
        return view(updated, v.org().name());
    }

    /**
     * The members in good standing of the subtree at {@code rootPath}, in roster order (branch path, id): a bulk read
     * for platform jobs and the demo history (one query, no sensitive fields); admin scope only.
     */
    @Transactional(readOnly = true)
    public List<RosterLine> rosterLines(DataScope scope, String rootPath) {
        if (scope.role() != Role.ADMIN) {
            throw new ForbiddenException("bulk roster reads are for the platform administrator");
        }
        return repo.rosterLines(rootPath);
    }

    /** Bulk registration of already-validated existing members (demo and benchmark seeding); admin only. */
    @Transactional
    public int seed(DataScope scope, List<MemberForm> forms) {
        if (scope.role() != Role.ADMIN) {
            throw new ForbiddenException("seeding is for the platform administrator");
        }
        Map<Long, Organization> orgCache = new HashMap<>();
        List<MemberRow> rows = new ArrayList<>(forms.size());
        for (MemberForm f : forms) {
            Organization org = orgCache.computeIfAbsent(f.orgId(), oid -> orgs.get(scope, oid));
            IdCardNumber idn = IdCardNumber.parse(f.idNumber(), "idNumber", today());
            rows.add(new MemberRow(org.id(), org.path(), org.regionOrgId(), f.name(), idn.gender(), f.ethnicity(),
                    idn.birthDate(), idn.value(), f.phone(), f.address(), f.education(), f.personCategory(),
                    f.jobTitle(), f.category(), f.joinedOn(),
                    f.category() == MemberCategory.FULL ? PartyCalendar.fullMemberDate(f.joinedOn(), 0) : null,
                    0, false, null, false, null));
        }
        // the roster import's bulk path: sealed in parallel, COPY on PostgreSQL (a province's 4 million members)
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(clock);
        List<MemberMemberRecord> records = rows.parallelStream().map(m -> repo.newRecord(m, now)).toList();
        List<Long> ids = bulk.insertBatch(records, null, null, today(), scope.username());
        List<MemberEvents.MemberFacts> facts = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            facts.add(rows.get(i).registeredAs(ids.get(i)));
        }
        events.publishEvent(new MemberEvents.Registered(facts));
        audit.success("member.seed", "member", null, orgCache.values().stream().findFirst().map(Organization::path).orElse(null),
                rows.size() + " members");
        return rows.size();
    }

    private record Validated(Organization org, MemberRow row) {
    }

    private Validated validate(DataScope scope, MemberForm f, MemberMemberRecord current) {
        LocalDate today = today();
        List<Violation> errors = new ArrayList<>();
        Organization org = null;
        if (f.orgId() == null) {
            errors.add(new Violation("orgId", "validation.required"));
        } else {
            try {
                org = orgs.get(scope, f.orgId());
                if (!org.active() || !org.type().holdsMembers()) {
                    errors.add(new Violation("orgId", "member.org.notABranch"));
                    org = null;
                } else if (current != null && org.id() != current.getOrgId() && scope.role() == Role.BRANCH_SECRETARY) {
                    errors.add(new Violation("orgId", "member.org.changeNeedsTransfer"));
                }
            } catch (NotFoundException e) {
                errors.add(new Violation("orgId", "member.org.unknown"));
            }
        }
        String name = InvalidInputException.collect(errors, () -> TextInput.personName(f.name(), "name"));
        IdCardNumber idn = InvalidInputException.collect(errors, () -> IdCardNumber.parse(f.idNumber(), "idNumber", today));
        if (idn != null) {
            if (f.gender() != null && f.gender() != idn.gender()) {
                errors.add(new Violation("gender", "member.gender.mismatch"));
            }
            if (f.birthDate() != null && !f.birthDate().equals(idn.birthDate())) {
                errors.add(new Violation("birthDate", "member.birthDate.mismatch"));
            }
            Long existing = repo.idOfIdNumber(idn.value()).orElse(null);
            if (existing != null && (current == null || !existing.equals(current.getId()))) {
                errors.add(new Violation("idNumber", "member.idNumber.duplicate"));
            }
        }
        String ethnicity = code(errors, MemberCodes.ETHNICITY, f.ethnicity(), "ethnicity", true);
        String education = code(errors, MemberCodes.EDUCATION, f.education(), "education", false);
        String personCategory = code(errors, MemberCodes.PERSON_CATEGORY, f.personCategory(), "personCategory", false);
        String jobTitle = InvalidInputException.collect(errors, () -> TextInput.optional(f.jobTitle(), "jobTitle", 50));
        String phone = InvalidInputException.collect(errors, () -> MobilePhone.normalize(f.phone(), "phone"));
        String address = InvalidInputException.collect(errors, () -> TextInput.optional(f.address(), "address", 200));
        String flowDestination = InvalidInputException.collect(errors, () -> TextInput.optional(f.flowDestination(), "flowDestination", 100));
        if (f.category() == null) {
            errors.add(new Violation("category", "validation.required"));
        }
        int extension = f.probationExtensionMonths() == null ? 0 : f.probationExtensionMonths();
        if (extension != 0 && (extension < 6 || extension > 12)) {
            errors.add(new Violation("probationExtensionMonths", "member.extension.range")); // R2.11
        }
        LocalDate fullOn = null;
        if (f.joinedOn() == null) {
            errors.add(new Violation("joinedOn", "validation.required"));
        } else if (f.joinedOn().isAfter(today)) {
            errors.add(new Violation("joinedOn", "validation.futureDate"));
        } else if (idn != null && f.joinedOn().isBefore(idn.adulthood())) {
            errors.add(new Violation("joinedOn", "member.joinedOn.under18")); // R9.2
        } else if (f.category() != null) {
            LocalDate probationEnd = PartyCalendar.fullMemberDate(f.joinedOn(), extension); // R2.8, R2.10
            if (f.category() == MemberCategory.FULL) {
                if (probationEnd.isAfter(today)) {
                    errors.add(new Violation("category", "member.full.probationNotOver", probationEnd));
                } else if (f.fullMemberOn() != null && !f.fullMemberOn().equals(probationEnd)) {
                    errors.add(new Violation("fullMemberOn", "member.fullMemberOn.mismatch", probationEnd));
                } else {
                    fullOn = probationEnd;
                }
            } else if (f.fullMemberOn() != null) {
                errors.add(new Violation("fullMemberOn", "member.fullMemberOn.probationary"));
            }
        }
        boolean flow = Boolean.TRUE.equals(f.flowMember());
        if (flow && flowDestination == null) {
            errors.add(new Violation("flowDestination", "validation.required"));
        }
        boolean lost = Boolean.TRUE.equals(f.lostContact());
        if (lost && f.lostContactOn() == null) {
            errors.add(new Violation("lostContactOn", "validation.required"));
        } else if (lost && f.lostContactOn().isAfter(today)) {
            errors.add(new Violation("lostContactOn", "validation.futureDate"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Validated(org, new MemberRow(org.id(), org.path(), org.regionOrgId(), name, idn.gender(), ethnicity,
                idn.birthDate(), idn.value(), phone, address, education, personCategory, jobTitle, f.category(),
                f.joinedOn(), fullOn, extension, flow, flow ? flowDestination : null, lost, lost ? f.lostContactOn() : null));
    }

    /** ID number, phone and address are write-only: left empty in an edit, they keep their stored values. */
    private MemberForm keepSealedFields(MemberForm f, MemberMemberRecord r) {
        return new MemberForm(f.orgId(), f.name(), blank(f.idNumber()) ? repo.decrypt(r.getIdNumberEnc()) : f.idNumber(),
                f.gender(), f.birthDate(), f.ethnicity(), f.education(), f.personCategory(), f.jobTitle(),
                blank(f.phone()) ? repo.decrypt(r.getPhoneEnc()) : f.phone(),
                blank(f.address()) ? repo.decrypt(r.getAddressEnc()) : f.address(), f.category(), f.joinedOn(),
                f.fullMemberOn(), f.probationExtensionMonths(), f.flowMember(), f.flowDestination(), f.lostContact(),
                f.lostContactOn(), f.version());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String code(List<Violation> errors, Map<String, String[]> table, String value, String field,
                               boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new Violation(field, "validation.required"));
            }
            return null;
        }
        if (!table.containsKey(value.strip())) {
            errors.add(new Violation(field, "validation.unknownCode"));
            return null;
        }
        return value.strip();
    }

    private MemberMemberRecord load(DataScope scope, long id) {
        requireReader(scope);
        return repo.find(id)
                .filter(r -> scope.covers(r.getOrgPath()))
                .filter(r -> !scope.selfOnly() || r.getId().equals(scope.selfMemberId()))
                .orElseThrow(() -> new NotFoundException("member", id));
    }

    static MemberEvents.MemberFacts facts(MemberMemberRecord r) {
        return new MemberEvents.MemberFacts(r.getId(), r.getOrgId(), r.getOrgPath(), r.getRegionOrgId(),
                r.getCategory(), r.getJoinedOn(), r.getFullMemberOn(),
                r.getStanding());
    }

    private MemberView view(MemberMemberRecord r, String orgName) {
        MemberCategory cat = r.getCategory();
        return new MemberView(r.getId(), r.getOrgId(), orgName, r.getGroupOrgId(), r.getName(),
                MemberRepository.gender(r), r.getEthnicity(), r.getBirthDate(),
                PartyCalendar.ageOn(r.getBirthDate(), today()), r.getIdNumberMasked(), r.getPhoneMasked(),
                r.getEducation(), r.getPersonCategory(), r.getJobTitle(), cat, r.getJoinedOn(), r.getFullMemberOn(),
                PartyCalendar.fullMemberDate(r.getJoinedOn(), r.getProbationExtensionMonths()),
                r.getProbationExtensionMonths(), r.getStanding(), r.getFlowMember(),
                r.getFlowDestination(), r.getLostContact(), r.getLostContactOn(), r.getVersion());
    }

    private Map<Long, String> orgNames(List<MemberMemberRecord> rows) {
        return orgs.namesOf(rows.stream().map(MemberMemberRecord::getOrgId).distinct().toList());
    }

    private static String changes(MemberMemberRecord before, MemberRow after) {
        List<String> changed = new ArrayList<>();
        if (!before.getName().equals(after.name())) {
            changed.add("name");
        }
        if (before.getOrgId() != after.orgId()) {
            changed.add("org " + before.getOrgId() + "->" + after.orgId());
        }
        if (!before.getCategory().equals(after.category().name())) {
            changed.add("category");
        }
        if (!before.getJoinedOn().equals(after.joinedOn())) {
            changed.add("joinedOn");
        }
        changed.add("record updated");
        return String.join(", ", changed);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static void requireReader(DataScope scope) {
        if (!scope.canReadRoster()) {
            throw new ForbiddenException("role cannot read the roster");
        }
    }

    private static void requireManager(DataScope scope) {
        if (!scope.canManageMembers()) {
            throw new ForbiddenException("role cannot change the roster");
        }
    }

}
