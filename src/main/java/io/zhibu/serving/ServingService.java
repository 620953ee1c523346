package io.zhibu.serving;

import io.zhibu.audit.AuditLog;
import io.zhibu.db.tables.records.ServingNeedRecord;
import io.zhibu.db.tables.records.ServingReportRecord;
import io.zhibu.db.tables.records.ServingSignupRecord;
import io.zhibu.member.MemberDirectory;
import io.zhibu.org.OrgMembershipPort;
import io.zhibu.org.OrgNode;
import io.zhibu.org.OrgService;
import io.zhibu.org.OrgType;
import io.zhibu.org.Organization;
import io.zhibu.points.PointFact;
import io.zhibu.points.PointItem;
import io.zhibu.points.PointsService;
import io.zhibu.serving.ReportStateMachine.Action;
import io.zhibu.serving.ServingViews.Board;
import io.zhibu.serving.ServingViews.Community;
import io.zhibu.serving.ServingViews.Need;
import io.zhibu.serving.ServingViews.NeedForm;
import io.zhibu.serving.ServingViews.Rate;
import io.zhibu.serving.ServingViews.RecordForm;
import io.zhibu.serving.ServingViews.Report;
import io.zhibu.serving.ServingViews.ReportForm;
import io.zhibu.serving.ServingViews.Signup;
import io.zhibu.serving.internal.ServingRepository;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.Role;
import io.zhibu.shared.TextInput;
import io.zhibu.shared.Violation;
import io.zhibu.shared.rollup.FactsChanged;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 双报到 (issue 21 point 1). Who may do what:
 * <ul>
 * <li>file a report: the member themself, or a roster manager (unit secretary, organization staff) whose scope covers
 * the member; the member's branch must be in service and the community a community branch of the same region
 * ({@link ServingRules});</li>
 * <li>confirm or decline: the community's secretary or organization staff covering the community; withdraw: the
 * member or the unit while still filed;</li>
 * <li>needs: published and closed by the community's secretary or staff; a member signs up for an open need of a
 * community that confirmed their report this year, while places remain;</li>
 * <li>record the service (date, minutes, feedback): the community; the points are posted to the member
 * ({@link ServingRules#points}) in the same transaction, and the unit's rollups are marked.</li>
 * </ul>
 * A report is visible to its member, and to every scope covering its unit or its community (both branches see it);
 * anything else answers 404. Every write is audited.
 */
@Service
public class ServingService {
    static final String SOURCE = "serving";
    /** The newest lines a board shows (a county's year held 700 KB of them at 500; not yet paged). */
    private static final int LIMIT = 100;
    private static final DataScope SYSTEM = new DataScope(0, "system", Role.ADMIN, null, OrgPath.ROOT, null, null);

    private final ServingRepository repo;
    private final OrgService orgs;
    private final MemberDirectory directory;
    private final OrgMembershipPort membership;
    private final PointsService points;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public ServingService(ServingRepository repo, OrgService orgs, MemberDirectory directory, OrgMembershipPort membership,
                          PointsService points, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.repo = repo;
        this.orgs = orgs;
        this.directory = directory;
        this.membership = membership;
        this.points = points;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    private static void requireReader(DataScope scope) {
        if (!scope.canReadRoster()) {
            throw new ForbiddenException("双报到 is read by members and their organizations");
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    // ------------------------------------------------------------------ reports

    /** The community branches of the caller's region a member may report to (the picker). */
    @Transactional(readOnly = true)
    public List<Community> communities(DataScope scope) {
        requireReader(scope);
        String region = regionPath(scope);
        return orgs.activeNodes().stream().filter(n -> n.path().startsWith(region))
                .filter(n -> ServingRules.community(n.domain(), n.type()))
                .sorted(Comparator.comparing(OrgNode::path)).map(n -> new Community(n.id(), n.name())).toList();
    }

    /** Whether the calling member belongs to an in-service branch (the only members who report). */
    @Transactional(readOnly = true)
    public boolean callerInService(DataScope scope) {
        if (!scope.selfOnly() || scope.selfMemberId() == null) {
            return false;
        }
        Organization unit = orgs.get(SYSTEM, member(scope.selfMemberId()).orgId());
        return ServingRules.inService(unit.domain(), unit.type());
    }

    private String regionPath(DataScope scope) {
        Long anchorOrg = scope.scopeOrgId();
        if (scope.selfOnly() && scope.selfMemberId() != null) {
            anchorOrg = member(scope.selfMemberId()).orgId();
        }
        if (anchorOrg == null) {
            return OrgPath.ROOT;
        }
        Organization o = orgs.get(SYSTEM, anchorOrg);
        return orgs.get(SYSTEM, o.regionOrgId()).path();
    }

    private MemberDirectory.AccountFacts member(long memberId) {
        return directory.accountFacts(List.of(memberId)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("member", memberId));
    }

    @Transactional
    public Report file(DataScope scope, ReportForm f) {
        requireReader(scope);
        if (f == null) {
            throw InvalidInputException.of("communityOrgId", "validation.required");
        }
        long memberId;
        if (scope.selfOnly()) {
            if (scope.selfMemberId() == null || (f.memberId() != null && !f.memberId().equals(scope.selfMemberId()))) {
                throw new NotFoundException("member", f.memberId());
            }
            memberId = scope.selfMemberId();
        } else {
            if (f.memberId() == null) {
                throw InvalidInputException.of("memberId", "validation.required");
            }
            memberId = f.memberId();
        }
        MemberDirectory.AccountFacts m = directory.accountFacts(List.of(memberId)).stream().findFirst()
                .filter(x -> scope.selfOnly() || (scope.canManageMembers() && scope.covers(x.orgPath())))
                .orElseThrow(() -> new NotFoundException("member", memberId));
        if (m.exited()) {
            throw InvalidInputException.of("memberId", "serving.member.exited");
        }
        Organization unit = orgs.get(SYSTEM, m.orgId());
        List<Violation> errors = new ArrayList<>();
        if (!ServingRules.inService(unit.domain(), unit.type())) {
            errors.add(new Violation("memberId", "serving.member.notInService"));
        }
        String note = InvalidInputException.collect(errors, () -> TextInput.optional(f.note(), "note", 200));
        Organization community = null;
        if (f.communityOrgId() == null) {
            errors.add(new Violation("communityOrgId", "validation.required"));
        } else {
            String region = orgs.get(SYSTEM, unit.regionOrgId()).path();
            community = findOrg(f.communityOrgId());
            if (community == null || !community.active() || !ServingRules.community(community.domain(), community.type())
                    || !community.path().startsWith(region)) {
                errors.add(new Violation("communityOrgId", "serving.community.invalid"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        int year = today().getYear();
        if (!repo.activeReports(memberId, year).isEmpty()) {
            throw new ConflictException("serving.report.exists");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        ServingReportRecord r = repo.newReport();
        r.setReportYear(year);
        r.setMemberId(memberId);
        r.setMemberName(m.name());
        r.setUnitOrgId(unit.id());
        r.setUnitOrgPath(unit.path());
        r.setCommunityOrgId(community.id());
        r.setCommunityOrgPath(community.path());
        r.setStatus(ReportStatus.FILED);
        r.setNote(note);
        r.setFiledBy(scope.username());
        r.setFiledAt(now);
        r.store();
        audit.success("serving.report.file", "serving-report", r.getId(), unit.path(), m.name() + " → " + community.name());
        return report(scope, r, Map.of());
    }

    private Organization findOrg(long id) {
        try {
            return orgs.get(SYSTEM, id);
        } catch (NotFoundException e) {
            return null;
        }
    }

    @Transactional
    public Report decide(DataScope scope, long id, Action action, String reason) {
        ServingReportRecord r = repo.reportForUpdate(id).filter(x -> visible(scope, x))
                .orElseThrow(() -> new NotFoundException("serving-report", id));
        boolean allowed = action == Action.WITHDRAW
                ? (scope.selfOnly() ? r.getMemberId().equals(scope.selfMemberId()) : manages(scope, r.getUnitOrgPath()))
                : manages(scope, r.getCommunityOrgPath());
        if (!allowed) {
            throw new ForbiddenException(action == Action.WITHDRAW ? "withdrawn by the member or the unit"
                    : "decided by the community");
        }
        String why = null;
        if (action == Action.DECLINE) {
            why = TextInput.required(reason, "reason", 200);
        }
        ReportStatus to = ReportStateMachine.next(r.getStatus(), action);
        if (!repo.decide(id, r.getVersion(), to, why, scope.username(), OffsetDateTime.now(clock), today())) {
            throw new ConflictException("error.concurrentChange");
        }
        audit.success("serving.report." + action.name().toLowerCase(java.util.Locale.ROOT), "serving-report", id,
                r.getCommunityOrgPath(), r.getMemberName() + (why == null ? "" : "：" + why));
        if (to == ReportStatus.CONFIRMED) {
            YearMonth m = YearMonth.from(today());
            events.publishEvent(FactsChanged.months(SOURCE, List.of(r.getUnitOrgId()), m, m));
        }
        ServingReportRecord after = repo.report(id).orElseThrow();
        return report(scope, after, repo.servedByReport(List.of(id)));
    }

    private static boolean visible(DataScope scope, ServingReportRecord r) {
        if (scope.selfOnly()) {
            return r.getMemberId().equals(scope.selfMemberId());
        }
        return scope.canReadRoster() && (scope.covers(r.getUnitOrgPath()) || scope.covers(r.getCommunityOrgPath()));
    }

    private static boolean manages(DataScope scope, String path) {
        return !scope.selfOnly() && scope.covers(path) && (scope.canManageOrgs() || scope.role() == Role.BRANCH_SECRETARY);
    }

    private static boolean canDecide(DataScope scope, ServingReportRecord r) {
        return r.getStatus() == ReportStatus.FILED && manages(scope, r.getCommunityOrgPath());
    }

    private static boolean canWithdraw(DataScope scope, ServingReportRecord r) {
        return r.getStatus() == ReportStatus.FILED && (scope.selfOnly() ? r.getMemberId().equals(scope.selfMemberId())
                : manages(scope, r.getUnitOrgPath()));
    }

    @Transactional(readOnly = true)
    public Report getReport(DataScope scope, long id) {
        requireReader(scope);
        ServingReportRecord r = repo.report(id).filter(x -> visible(scope, x))
                .orElseThrow(() -> new NotFoundException("serving-report", id));
        return report(scope, r, repo.servedByReport(List.of(id)));
    }

    private Report report(DataScope scope, ServingReportRecord r, Map<Long, int[]> served) {
        Map<Long, String> names = orgs.namesOf(List.of(r.getUnitOrgId(), r.getCommunityOrgId()));
        int[] s = served.getOrDefault(r.getId(), new int[] {0, 0});
        return new Report(r.getId(), r.getReportYear(), r.getMemberId(), r.getMemberName(), r.getUnitOrgId(),
                names.get(r.getUnitOrgId()), r.getCommunityOrgId(), names.get(r.getCommunityOrgId()), r.getStatus(),
                r.getNote(), r.getDeclineReason(), r.getFiledAt(), r.getDecidedAt(), s[0], s[1], canDecide(scope, r),
                canWithdraw(scope, r));
    }

    // ------------------------------------------------------------------ the board (both branches, or the member)

    /**
     * A year of 双报到 as the caller sees it: a member their own reports, the needs of the communities that confirmed
     * them (from today on) and their sign-ups; an organization every report, need and sign-up whose unit or community
     * lies in the subtree of {@code orgId} (default: the scope root).
     */
    @Transactional(readOnly = true)
    public Board board(DataScope scope, Long orgId, Integer year) {
        requireReader(scope);
        int y = year != null ? year : today().getYear();
        if (scope.selfOnly()) {
            if (scope.selfMemberId() == null) {
                return new Board(List.of(), List.of(), List.of());
            }
            long me = scope.selfMemberId();
            List<ServingReportRecord> mine = repo.reportsOfMember(me);
            Map<Long, int[]> served = repo.servedByReport(mine.stream().map(ServingReportRecord::getId).toList());
            Set<Long> communities = new HashSet<>();
            mine.stream().filter(r -> r.getStatus() == ReportStatus.CONFIRMED && r.getReportYear() == today().getYear())
                    .forEach(r -> communities.add(r.getCommunityOrgId()));
            List<ServingSignupRecord> signups = repo.signupsOfMember(me);
            Set<Long> signedNeeds = new HashSet<>();
            signups.forEach(s -> signedNeeds.add(s.getNeedId()));
            List<Need> needs = needs(scope, repo.needsOf(communities, today(), LIMIT), signedNeeds, true);
            return new Board(mine.stream().map(r -> report(scope, r, served)).toList(), needs, signups(scope, signups));
        }
        Organization root = orgs.getOrScopeRoot(scope, orgId);
        List<ServingReportRecord> reports = repo.reportsTouching(root.path(), y, LIMIT);
        Map<Long, int[]> served = repo.servedByReport(reports.stream().map(ServingReportRecord::getId).toList());
        List<Need> needs = needs(scope, repo.needsUnder(root.path(), LocalDate.of(y, 1, 1), LIMIT), Set.of(), false);
        return new Board(reports.stream().map(r -> report(scope, r, served)).toList(), needs,
                signups(scope, repo.signupsTouching(root.path(), y, LIMIT)));
    }

    private List<Need> needs(DataScope scope, List<ServingNeedRecord> rows, Set<Long> signed, boolean member) {
        Map<Long, String> names = orgs.namesOf(rows.stream().map(ServingNeedRecord::getCommunityOrgId).distinct().toList());
        LocalDate today = today();
        return rows.stream().map(n -> new Need(n.getId(), n.getCommunityOrgId(), names.get(n.getCommunityOrgId()),
                n.getKind(), n.getTitle(), n.getDescription(), n.getPlace(), n.getNeedOn(), n.getPlaces(), n.getTaken(),
                n.getStatus(), signed.contains(n.getId()),
                member && !signed.contains(n.getId()) && open(n, today),
                manages(scope, n.getCommunityOrgPath()))).toList();
    }

    private static boolean open(ServingNeedRecord n, LocalDate today) {
        return n.getStatus() == NeedStatus.OPEN && !n.getNeedOn().isBefore(today) && n.getTaken() < n.getPlaces();
    }

    private List<Signup> signups(DataScope scope, List<ServingSignupRecord> rows) {
        List<Long> needIds = rows.stream().map(ServingSignupRecord::getNeedId).distinct().toList();
        Map<Long, String> titles = repo.needTitles(needIds);
        Map<Long, LocalDate> dates = repo.needDates(needIds);
        Set<Long> orgIds = new HashSet<>();
        rows.forEach(s -> {
            orgIds.add(s.getUnitOrgId());
            orgIds.add(s.getCommunityOrgId());
        });
        Map<Long, String> names = orgs.namesOf(orgIds);
        return rows.stream().map(s -> new Signup(s.getId(), s.getNeedId(), titles.get(s.getNeedId()), dates.get(s.getNeedId()),
                s.getMemberId(), s.getMemberName(), names.get(s.getUnitOrgId()), names.get(s.getCommunityOrgId()),
                s.getStatus(), s.getServedOn(), s.getMinutes(), s.getFeedback(), s.getPoints(),
                s.getStatus() == SignupStatus.SIGNED_UP && manages(scope, s.getCommunityOrgPath()))).toList();
    }

    // ------------------------------------------------------------------ needs and sign-ups

    @Transactional
    public Need createNeed(DataScope scope, NeedForm f) {
        requireReader(scope);
        if (f == null || f.communityOrgId() == null) {
            throw InvalidInputException.of("communityOrgId", "validation.required");
        }
        Organization community = orgs.get(scope, f.communityOrgId()); // 404 outside the scope
        if (!manages(scope, community.path())) {
            throw new ForbiddenException("needs are published by the community");
        }
        List<Violation> errors = new ArrayList<>();
        if (!ServingRules.community(community.domain(), community.type())) {
            errors.add(new Violation("communityOrgId", "serving.community.invalid"));
        }
        String title = InvalidInputException.collect(errors, () -> TextInput.required(f.title(), "title", 100));
        String description = InvalidInputException.collect(errors, () -> TextInput.optional(f.description(), "description", 1000));
        String place = InvalidInputException.collect(errors, () -> TextInput.optional(f.place(), "place", 100));
        if (f.needOn() == null) {
            errors.add(new Violation("needOn", "validation.required"));
        } else if (f.needOn().isBefore(today())) {
            errors.add(new Violation("needOn", "serving.need.past"));
        }
        if (f.places() == null || f.places() < 1 || f.places() > 200) {
            errors.add(new Violation("places", "serving.need.places"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ServingNeedRecord n = repo.newNeed();
        n.setCommunityOrgId(community.id());
        n.setCommunityOrgPath(community.path());
        n.setKind(f.kind() == null ? NeedKind.NEED : f.kind());
        n.setTitle(title);
        n.setDescription(description);
        n.setPlace(place);
        n.setNeedOn(f.needOn());
        n.setPlaces(f.places());
        n.setTaken(0);
        n.setStatus(NeedStatus.OPEN);
        n.setCreatedBy(scope.username());
        n.setCreatedAt(OffsetDateTime.now(clock));
        n.store();
        audit.success("serving.need.create", "serving-need", n.getId(), community.path(), title);
        return needs(scope, List.of(n), Set.of(), false).getFirst();
    }

    private ServingNeedRecord visibleNeed(DataScope scope, long id, boolean lock) {
        var found = lock ? repo.needForUpdate(id) : repo.need(id);
        return found.filter(n -> scope.selfOnly() ? memberMaySee(scope, n) : scope.covers(n.getCommunityOrgPath()))
                .orElseThrow(() -> new NotFoundException("serving-need", id));
    }

    /** A member sees the needs of a community that confirmed their report this year. */
    private boolean memberMaySee(DataScope scope, ServingNeedRecord n) {
        return scope.selfMemberId() != null && repo.activeReports(scope.selfMemberId(), today().getYear()).stream()
                .anyMatch(r -> r.getStatus() == ReportStatus.CONFIRMED && r.getCommunityOrgId().equals(n.getCommunityOrgId()));
    }

    @Transactional
    public Need closeNeed(DataScope scope, long id) {
        requireReader(scope);
        ServingNeedRecord n = visibleNeed(scope, id, true);
        if (!manages(scope, n.getCommunityOrgPath())) {
            throw new ForbiddenException("needs are closed by the community");
        }
        if (n.getStatus() == NeedStatus.CLOSED) {
            throw new ConflictException("serving.need.closed");
        }
        repo.close(id);
        audit.success("serving.need.close", "serving-need", id, n.getCommunityOrgPath(), n.getTitle());
        return needs(scope, List.of(repo.need(id).orElseThrow()), Set.of(), false).getFirst();
    }

    /** The member signs up for a need (places counted under the need's row lock). */
    @Transactional
    public Signup signUp(DataScope scope, long needId) {
        requireReader(scope);
        if (!scope.selfOnly() || scope.selfMemberId() == null) {
            // organizations do not sign members up: the member decides (a 404 keeps foreign needs unconfirmed)
            visibleNeed(scope, needId, false);
            throw new ForbiddenException("members sign up themselves");
        }
        ServingNeedRecord n = visibleNeed(scope, needId, true);
        long me = scope.selfMemberId();
        if (repo.signupOf(needId, me).isPresent()) {
            throw new ConflictException("serving.signup.exists");
        }
        if (n.getStatus() != NeedStatus.OPEN || n.getNeedOn().isBefore(today())) {
            throw new ConflictException("serving.need.closed");
        }
        if (n.getTaken() >= n.getPlaces()) {
            throw new ConflictException("serving.need.full");
        }
        ServingReportRecord report = repo.activeReports(me, today().getYear()).stream()
                .filter(r -> r.getStatus() == ReportStatus.CONFIRMED && r.getCommunityOrgId().equals(n.getCommunityOrgId()))
                .findFirst().orElseThrow(() -> new NotFoundException("serving-need", needId));
        ServingSignupRecord s = repo.newSignup();
        s.setNeedId(needId);
        s.setReportId(report.getId());
        s.setMemberId(me);
        s.setMemberName(report.getMemberName());
        s.setUnitOrgId(report.getUnitOrgId());
        s.setUnitOrgPath(report.getUnitOrgPath());
        s.setCommunityOrgId(n.getCommunityOrgId());
        s.setCommunityOrgPath(n.getCommunityOrgPath());
        s.setStatus(SignupStatus.SIGNED_UP);
        s.setSignedUpAt(OffsetDateTime.now(clock));
        s.store();
        repo.take(needId, 1);
        audit.success("serving.signup", "serving-need", needId, n.getCommunityOrgPath(), report.getMemberName() + "：" + n.getTitle());
        return signups(scope, List.of(s)).getFirst();
    }

    /**
     * The community records the service: date, minutes, feedback. The member's points (§8.4 volunteering) are posted
     * with the fact key {@code serving:signup:<id>}, so a repeated call can never count twice.
     */
    @Transactional
    public Signup record(DataScope scope, long signupId, RecordForm f) {
        requireReader(scope);
        ServingSignupRecord s = repo.signupForUpdate(signupId)
                .filter(x -> scope.selfOnly() ? x.getMemberId().equals(scope.selfMemberId())
                        : scope.covers(x.getCommunityOrgPath()) || scope.covers(x.getUnitOrgPath()))
                .orElseThrow(() -> new NotFoundException("serving-signup", signupId));
        if (!manages(scope, s.getCommunityOrgPath())) {
            throw new ForbiddenException("the service is recorded by the community");
        }
        if (s.getStatus() != SignupStatus.SIGNED_UP) {
            throw new ConflictException("serving.signup.recorded");
        }
        ServingNeedRecord n = repo.need(s.getNeedId()).orElseThrow();
        List<Violation> errors = new ArrayList<>();
        if (f == null || !ServingRules.validMinutes(f.minutes())) {
            errors.add(new Violation("minutes", "serving.minutes.range", ServingRules.MIN_MINUTES, ServingRules.MAX_MINUTES));
        }
        LocalDate servedOn = f == null || f.servedOn() == null ? n.getNeedOn() : f.servedOn();
        if (servedOn.isAfter(today())) {
            errors.add(new Violation("servedOn", "validation.futureDate"));
        }
        String feedback = f == null ? null : InvalidInputException.collect(errors, () -> TextInput.optional(f.feedback(), "feedback", 500));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        int award = ServingRules.points(f.minutes());
        repo.recordServed(signupId, servedOn, f.minutes(), feedback, award, scope.username(), OffsetDateTime.now(clock));
        points.postFact(new PointFact(PointItem.VOLUNTEERING, "serving:signup:" + signupId, s.getMemberId(), servedOn,
                "serving-signup", String.valueOf(signupId), award, 0, null, "双报到：" + n.getTitle()));
        YearMonth m = YearMonth.from(servedOn);
        events.publishEvent(FactsChanged.months(SOURCE, List.of(s.getUnitOrgId()), m, m));
        audit.success("serving.signup.record", "serving-signup", signupId, s.getCommunityOrgPath(),
                s.getMemberName() + " " + f.minutes() + " 分钟");
        return signups(scope, List.of(repo.signup(signupId).orElseThrow())).getFirst();
    }

    // ------------------------------------------------------------------ rates

    /**
     * The year's 双报到 figures of the in-service branches (members, members reported, services, minutes, rate in per
     * mille) and of the community branches (members received, services, minutes) under {@code orgId}.
     */
    @Transactional(readOnly = true)
    public List<Rate> rates(DataScope scope, Long orgId, Integer year) {
        requireReader(scope);
        if (scope.selfOnly()) {
            throw new ForbiddenException("rates are read by organizations");
        }
        int y = year != null ? year : today().getYear();
        Organization root = orgs.getOrScopeRoot(scope, orgId);
        List<Organization> branches = new ArrayList<>();
        if (root.type().holdsMembers()) {
            branches.add(root);
        } else {
            branches.addAll(orgs.activeIn(scope, root.id(), Arrays.stream(OrgType.values()).filter(OrgType::holdsMembers).toList()));
        }
        Map<Long, Long> unitReported = repo.reportedMembers(root.path(), y, true);
        Map<Long, Long> received = repo.reportedMembers(root.path(), y, false);
        Map<Long, long[]> unitServed = repo.served(root.path(), y, true);
        Map<Long, long[]> communityServed = repo.served(root.path(), y, false);
        List<Rate> out = new ArrayList<>();
        for (Organization b : branches) {
            boolean unit = ServingRules.inService(b.domain(), b.type());
            boolean community = ServingRules.community(b.domain(), b.type());
            if (!unit && !community) {
                continue;
            }
            long members = membership.directCounts(b.id()).total();
            long reported = (unit ? unitReported : received).getOrDefault(b.id(), 0L);
            long[] served = (unit ? unitServed : communityServed).getOrDefault(b.id(), new long[] {0, 0});
            Integer rate = unit && members > 0 ? (int) Math.round(reported * 1000.0 / members) : null;
            out.add(new Rate(b.id(), b.name(), unit, members, reported, served[0], served[1], rate));
        }
        return out;
    }
}
