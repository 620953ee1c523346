package io.zhibu.serving;

import io.zhibu.audit.AuditLog;
import io.zhibu.db.tables.records.ServingActivityRecord;
import io.zhibu.db.tables.records.ServingParticipationRecord;
import io.zhibu.member.MemberDirectory;
import io.zhibu.org.OrgService;
import io.zhibu.org.Organization;
import io.zhibu.points.PointFact;
import io.zhibu.points.PointItem;
import io.zhibu.serving.ServingViews.Activity;
import io.zhibu.serving.ServingViews.ActivityForm;
import io.zhibu.serving.ServingViews.Participant;
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
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 志愿服务 volunteer activities (issue 21 point 2). An organization's secretary or staff organizes an activity (place,
 * time, places); members of its subtree see it, sign up while places remain, check in and out with the organizer's
 * code ({@link CheckinCodes}); the time between, within the activity's hours, is credited: a {@code VOLUNTEERING}
 * points fact ({@link ServingRules#points}, key {@code serving:activity:<id>:member:<id>}) and the member branch's
 * {@code serving.minutes} rollup. Out of scope → 404; every write audited.
 */
@Service
public class VolunteerService {
    private static final int LIMIT = 200;
    private final ServingRepository repo;
    private final OrgService orgs;
    private final MemberDirectory directory;
    private final io.zhibu.points.PointsService points;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public VolunteerService(ServingRepository repo, OrgService orgs, MemberDirectory directory,
                            io.zhibu.points.PointsService points, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.repo = repo;
        this.orgs = orgs;
        this.directory = directory;
        this.points = points;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static void requireReader(DataScope scope) {
        if (!scope.canReadRoster()) {
            throw new ForbiddenException("activities are read by members and their organizations");
        }
    }

    private static boolean manages(DataScope scope, String path) {
        return !scope.selfOnly() && scope.covers(path) && (scope.canManageOrgs() || scope.role() == Role.BRANCH_SECRETARY);
    }

    private MemberDirectory.AccountFacts me(DataScope scope) {
        if (scope.selfMemberId() == null) {
            throw new ForbiddenException("members only");
        }
        return directory.accountFacts(List.of(scope.selfMemberId())).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("member", scope.selfMemberId()));
    }

    /** A member: activities of their branch and its ancestors not yet over a week; an organization: its subtree's. */
    @Transactional(readOnly = true)
    public List<Activity> list(DataScope scope, Long orgId) {
        requireReader(scope);
        List<ServingActivityRecord> rows;
        Map<Long, ServingParticipationRecord> mine = new java.util.HashMap<>();
        if (scope.selfOnly()) {
            var m = me(scope);
            rows = repo.activitiesFor(m.orgPath(), now().minusDays(7), LIMIT);
            repo.participationsOfMember(m.memberId()).forEach(p -> mine.put(p.getActivityId(), p));
        } else {
            Organization root = orgs.getOrScopeRoot(scope, orgId);
            rows = repo.activitiesUnder(root.path(), now().minusYears(1), LIMIT);
        }
        return rows.stream().map(a -> view(scope, a, mine.get(a.getId()), false)).toList();
    }

    /** A member's volunteer record: every activity they took part in, latest first. */
    @Transactional(readOnly = true)
    public List<Activity> myRecord(DataScope scope) {
        requireReader(scope);
        if (!scope.selfOnly() || scope.selfMemberId() == null) {
            return List.of();
        }
        List<Activity> out = new ArrayList<>();
        for (ServingParticipationRecord p : repo.participationsOfMember(scope.selfMemberId())) {
            repo.activity(p.getActivityId()).ifPresent(a -> out.add(view(scope, a, p, false)));
        }
        return out;
    }

    @Transactional(readOnly = true)
    public Activity get(DataScope scope, long id) {
        requireReader(scope);
        ServingActivityRecord a = visible(scope, id);
        ServingParticipationRecord mine = scope.selfOnly() ? repo.participations(id).stream()
                .filter(p -> p.getMemberId().equals(scope.selfMemberId())).findFirst().orElse(null) : null;
        return view(scope, a, mine, true);
    }

    private ServingActivityRecord visible(DataScope scope, long id) {
        return repo.activity(id).filter(a -> scope.selfOnly() ? OrgPath.covers(a.getOrgPath(), me(scope).orgPath())
                : scope.covers(a.getOrgPath())).orElseThrow(() -> new NotFoundException("serving-activity", id));
    }

    @Transactional
    public Activity create(DataScope scope, ActivityForm f) {
        requireReader(scope);
        if (f == null || f.orgId() == null) {
            throw InvalidInputException.of("orgId", "validation.required");
        }
        Organization org = orgs.get(scope, f.orgId());
        if (!manages(scope, org.path())) {
            throw new ForbiddenException("activities are organized by the secretary or the organization department");
        }
        List<Violation> errors = new ArrayList<>();
        String title = InvalidInputException.collect(errors, () -> TextInput.required(f.title(), "title", 100));
        String place = InvalidInputException.collect(errors, () -> TextInput.required(f.place(), "place", 100));
        String description = InvalidInputException.collect(errors, () -> TextInput.optional(f.description(), "description", 1000));
        if (f.startsAt() == null) {
            errors.add(new Violation("startsAt", "validation.required"));
        }
        if (f.endsAt() == null) {
            errors.add(new Violation("endsAt", "validation.required"));
        } else if (f.startsAt() != null && (!f.endsAt().isAfter(f.startsAt())
                || Duration.between(f.startsAt(), f.endsAt()).toMinutes() > ServingRules.MAX_MINUTES)) {
            errors.add(new Violation("endsAt", "serving.activity.endsAt.invalid"));
        } else if (f.endsAt().isBefore(now())) {
            errors.add(new Violation("endsAt", "serving.activity.past"));
        }
        if (f.places() == null || f.places() < 1 || f.places() > 1000) {
            errors.add(new Violation("places", "serving.activity.places"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ServingActivityRecord a = repo.newActivity();
        a.setOrgId(org.id());
        a.setOrgPath(org.path());
        a.setTitle(title);
        a.setPlace(place);
        a.setDescription(description);
        a.setStartsAt(f.startsAt());
        a.setEndsAt(f.endsAt());
        a.setPlaces(f.places());
        a.setTaken(0);
        a.setCheckinCode(CheckinCodes.newCode());
        a.setStatus(NeedStatus.OPEN);
        a.setCreatedBy(scope.username());
        a.setCreatedAt(now());
        a.store();
        audit.success("serving.activity.create", "serving-activity", a.getId(), org.path(), title);
        return view(scope, a, null, true);
    }

    @Transactional
    public Activity signUp(DataScope scope, long id) {
        requireReader(scope);
        if (!scope.selfOnly()) {
            visible(scope, id);
            throw new ForbiddenException("members sign up themselves");
        }
        visible(scope, id);
        ServingActivityRecord a = repo.activityForUpdate(id).orElseThrow();
        var m = me(scope);
        if (repo.participation(id, m.memberId()).isPresent()) {
            throw new ConflictException("serving.signup.exists");
        }
        if (a.getStatus() != NeedStatus.OPEN || a.getEndsAt().isBefore(now())) {
            throw new ConflictException("serving.need.closed");
        }
        if (a.getTaken() >= a.getPlaces()) {
            throw new ConflictException("serving.need.full");
        }
        ServingParticipationRecord p = repo.newParticipation();
        p.setActivityId(id);
        p.setMemberId(m.memberId());
        p.setMemberName(m.name());
        p.setOrgId(m.orgId());
        p.setOrgPath(m.orgPath());
        p.setActivityOrgPath(a.getOrgPath());
        p.setStatus(ParticipationStatus.SIGNED_UP);
        p.setWrongCodes(0);
        p.setSignedUpAt(now());
        p.store();
        repo.takeActivity(id, 1);
        audit.success("serving.activity.signup", "serving-activity", id, a.getOrgPath(), m.name());
        return get(scope, id);
    }

    /** Check in ({@code out} false) or out with the organizer's code; checking out credits the time. */
    @Transactional(noRollbackFor = InvalidInputException.class)
    public Activity check(DataScope scope, long id, String code, boolean out) {
        requireReader(scope);
        if (!scope.selfOnly()) {
            visible(scope, id);
            throw new ForbiddenException("members check in themselves");
        }
        ServingActivityRecord a = visible(scope, id);
        var m = me(scope);
        ServingParticipationRecord p = repo.participation(id, m.memberId())
                .orElseThrow(() -> new ConflictException("serving.activity.notSignedUp"));
        if (p.getWrongCodes() >= CheckinCodes.MAX_WRONG) {
            throw new ConflictException("serving.activity.locked");
        }
        if (code == null || code.isBlank()) {
            throw InvalidInputException.of("code", "validation.required");
        }
        if (!CheckinCodes.matches(a.getCheckinCode(), code)) {
            repo.wrongCode(p.getId()); // kept: the transaction does not roll back on this refusal
            audit.refused("serving.activity.badCode", "serving-activity", id, a.getOrgPath(), m.name());
            throw InvalidInputException.of("code", "serving.activity.badCode");
        }
        OffsetDateTime now = now();
        if (!CheckinCodes.open(a.getStartsAt(), a.getEndsAt(), now)) {
            throw InvalidInputException.of("code", "serving.activity.closed");
        }
        if (!out) {
            if (p.getStatus() != ParticipationStatus.SIGNED_UP) {
                throw new ConflictException("serving.activity.already");
            }
            repo.checkIn(p.getId(), now);
            audit.success("serving.activity.checkin", "serving-activity", id, a.getOrgPath(), m.name());
            return get(scope, id);
        }
        if (p.getStatus() != ParticipationStatus.CHECKED_IN) {
            throw new ConflictException("serving.activity.notCheckedIn");
        }
        int minutes = CheckinCodes.creditedMinutes(a.getStartsAt(), a.getEndsAt(), p.getCheckedInAt(), now);
        int award = minutes >= ServingRules.MIN_MINUTES ? ServingRules.points(minutes) : 0;
        java.time.LocalDate on = now.atZoneSameInstant(clock.getZone()).toLocalDate();
        repo.checkOut(p.getId(), now, on, minutes, award);
        if (award > 0) {
            points.postFact(new PointFact(PointItem.VOLUNTEERING, "serving:activity:" + id + ":member:" + m.memberId(),
                    m.memberId(), on, "serving-activity", String.valueOf(id), award, 0, null, "志愿服务：" + a.getTitle()));
        }
        YearMonth ym = YearMonth.from(on);
        events.publishEvent(FactsChanged.months("serving", List.of(m.orgId()), ym, ym));
        audit.success("serving.activity.checkout", "serving-activity", id, a.getOrgPath(), m.name() + " " + minutes + " 分钟");
        return get(scope, id);
    }

    private Activity view(DataScope scope, ServingActivityRecord a, ServingParticipationRecord mine, boolean withPeople) {
        boolean manage = manages(scope, a.getOrgPath());
        List<Participant> people = withPeople && manage ? repo.participations(a.getId()).stream()
                .map(p -> new Participant(p.getMemberId(), p.getMemberName(), p.getStatus(), p.getCheckedInAt(),
                        p.getCheckedOutAt(), p.getMinutes(), p.getPoints())).toList() : List.of();
        String orgName = orgs.namesOf(List.of(a.getOrgId())).get(a.getOrgId());
        boolean canSignUp = scope.selfOnly() && mine == null && a.getStatus() == NeedStatus.OPEN
                && a.getEndsAt().isAfter(now()) && a.getTaken() < a.getPlaces();
        return new Activity(a.getId(), a.getOrgId(), orgName, a.getTitle(), a.getDescription(), a.getPlace(),
                a.getStartsAt(), a.getEndsAt(), a.getPlaces(), a.getTaken(), a.getStatus(),
                manage ? a.getCheckinCode() : null, mine == null ? null : mine.getStatus(),
                mine == null ? null : mine.getMinutes(), canSignUp, manage, people);
    }
}
