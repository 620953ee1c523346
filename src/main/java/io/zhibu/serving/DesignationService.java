package io.zhibu.serving;

import io.zhibu.audit.AuditLog;
import io.zhibu.db.tables.records.ServingDesignationRecord;
import io.zhibu.db.tables.records.ServingDesignationReviewRecord;
import io.zhibu.member.MemberDirectory;
import io.zhibu.org.OrgService;
import io.zhibu.org.Organization;
import io.zhibu.serving.internal.DesignationRepository;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.Page;
import io.zhibu.shared.PersonalDataMask;
import io.zhibu.shared.Role;
import io.zhibu.shared.TextInput;
import io.zhibu.shared.Violation;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 先锋岗 / 责任区 / 共产党员户 / 三亮两带 (issue 21 point 3). The branch secretary (or organization staff covering the
 * branch) designates a member — for a 共产党员户 the member heading the household — with the post or area, its scope,
 * the member's commitments and the period; each designation has a public 亮身份 card behind an unguessable token
 * (256 random bits, also as a QR code) showing the name, the designation, the post and the commitments, the branch's
 * name and the period — no personal data (ID, phone, address; the scope and commitments are masked by content,
 * R9.2/R9.5). Once a year the branch reviews each designation (年度评议); an unqualified one is withdrawn.
 * Members see their own designations; out of scope → 404; every write audited.
 */
@Service
public class DesignationService {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final DesignationRepository repo;
    private final OrgService orgs;
    private final MemberDirectory directory;
    private final AuditLog audit;
    private final Clock clock;

    public DesignationService(DesignationRepository repo, OrgService orgs, MemberDirectory directory, AuditLog audit, Clock clock) {
        this.repo = repo;
        this.orgs = orgs;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    public record Designation(long id, DesignationKind kind, long memberId, String memberName, long orgId, String orgName,
                              String post, String area, String household, String commitments, LocalDate startsOn,
                              LocalDate endsOn, DesignationStatus status, boolean inForce, List<Review> reviews,
                              String publicToken, boolean canManage) {
    }

    public record Review(int year, ReviewResult result, String comment) {
    }

    public record DesignationForm(Long memberId, DesignationKind kind, String post, String area, String household,
                                  String commitments, LocalDate startsOn, LocalDate endsOn) {
    }

    public record ReviewForm(Integer year, ReviewResult result, String comment) {
    }

    /** The public 亮身份 card: no personal data beyond the name the member shows anyway. */
    public record Card(String memberName, DesignationKind kind, String post, String area, String commitments,
                       String orgName, LocalDate startsOn, LocalDate endsOn, boolean inForce, Review lastReview) {
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    static boolean manages(DataScope scope, String path) {
        return !scope.selfOnly() && scope.covers(path) && (scope.canManageOrgs() || scope.role() == Role.BRANCH_SECRETARY);
    }

    private static void requireReader(DataScope scope) {
        if (!scope.canReadRoster()) {
            throw new ForbiddenException("designations are read by members and their organizations");
        }
    }

    /** One page of the designations of a subtree (default: the caller's scope root); a member: their own. */
    @Transactional(readOnly = true)
    public Page<Designation> list(DataScope scope, Long orgId, Integer page, Integer size) {
        requireReader(scope);
        int p = Page.clampPage(page);
        int s = Page.clampSize(size);
        if (scope.selfOnly()) {
            List<Designation> mine = scope.selfMemberId() == null ? List.of() : views(scope, repo.ofMember(scope.selfMemberId()));
            return new Page<>(mine.stream().skip((long) p * s).limit(s).toList(), p, s, mine.size());
        }
        Organization root = orgs.getOrScopeRoot(scope, orgId);
        return new Page<>(views(scope, repo.page(root.path(), p * s, s)), p, s, repo.count(root.path()));
    }

    /** A member's designations (their profile): the member themself or an organization covering their branch. */
    @Transactional(readOnly = true)
    public List<Designation> ofMember(DataScope scope, long memberId) {
        requireReader(scope);
        if (scope.selfOnly()) {
            if (scope.selfMemberId() == null || scope.selfMemberId() != memberId) {
                throw new NotFoundException("member", memberId);
            }
        } else {
            member(scope, memberId);
        }
        return views(scope, repo.ofMember(memberId));
    }

    @Transactional(readOnly = true)
    public Designation get(DataScope scope, long id) {
        requireReader(scope);
        return views(scope, List.of(visible(scope, id))).getFirst();
    }

    private ServingDesignationRecord visible(DataScope scope, long id) {
        return repo.find(id).filter(d -> scope.selfOnly() ? d.getMemberId().equals(scope.selfMemberId()) : scope.covers(d.getOrgPath()))
                .orElseThrow(() -> new NotFoundException("serving-designation", id));
    }

    private MemberDirectory.AccountFacts member(DataScope scope, Long memberId) {
        return directory.accountFacts(List.of(memberId)).stream().filter(m -> scope.covers(m.orgPath()) && !m.exited())
                .findFirst().orElseThrow(() -> new NotFoundException("member", memberId));
    }

    @Transactional
    public Designation create(DataScope scope, DesignationForm f) {
        requireReader(scope);
        if (f == null || f.memberId() == null) {
            throw InvalidInputException.of("memberId", "validation.required");
        }
        var m = member(scope, f.memberId());
        if (!manages(scope, m.orgPath())) {
            throw new ForbiddenException("designations are made by the branch secretary or the organization department");
        }
        List<Violation> errors = new ArrayList<>();
        if (f.kind() == null) {
            errors.add(new Violation("kind", "validation.required"));
        }
        String post = InvalidInputException.collect(errors, () -> TextInput.required(f.post(), "post", 100));
        String area = InvalidInputException.collect(errors, () -> TextInput.optional(f.area(), "area", 200));
        String household = InvalidInputException.collect(errors, () -> TextInput.optional(f.household(), "household", 100));
        String commitments = InvalidInputException.collect(errors, () -> TextInput.required(f.commitments(), "commitments", 500));
        if (f.kind() == DesignationKind.RESPONSIBILITY_AREA && area == null && !errors.stream().anyMatch(v -> v.field().equals("area"))) {
            errors.add(new Violation("area", "validation.required"));
        }
        if (f.kind() == DesignationKind.PARTY_HOUSEHOLD && household == null && !errors.stream().anyMatch(v -> v.field().equals("household"))) {
            errors.add(new Violation("household", "validation.required"));
        }
        if (f.startsOn() == null) {
            errors.add(new Violation("startsOn", "validation.required"));
        } else if (f.endsOn() != null && !f.endsOn().isAfter(f.startsOn())) {
            errors.add(new Violation("endsOn", "serving.designation.endsOn.invalid"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ServingDesignationRecord d = repo.newDesignation();
        d.setKind(f.kind());
        d.setMemberId(m.memberId());
        d.setMemberName(m.name());
        d.setOrgId(m.orgId());
        d.setOrgPath(m.orgPath());
        d.setPost(post);
        d.setArea(area);
        d.setHousehold(household);
        d.setCommitments(commitments);
        d.setStartsOn(f.startsOn());
        d.setEndsOn(f.endsOn());
        d.setStatus(DesignationStatus.ACTIVE);
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        d.setPublicToken(Base64.getUrlEncoder().withoutPadding().encodeToString(b));
        d.setCreatedBy(scope.username());
        d.setCreatedAt(OffsetDateTime.now(clock));
        d.store();
        audit.success("serving.designation.create", "serving-designation", d.getId(), m.orgPath(), m.name() + " " + f.kind() + " " + post);
        return get(scope, d.getId());
    }

    /** 年度评议: one review per designation and year; an unqualified designation is withdrawn with it. */
    @Transactional
    public Designation review(DataScope scope, long id, ReviewForm f) {
        requireReader(scope);
        ServingDesignationRecord d = visible(scope, id);
        if (!manages(scope, d.getOrgPath())) {
            throw new ForbiddenException("designations are reviewed by the branch secretary or the organization department");
        }
        List<Violation> errors = new ArrayList<>();
        if (f == null || f.result() == null) {
            errors.add(new Violation("result", "validation.required"));
        }
        int year = f == null || f.year() == null ? today().getYear() : f.year();
        if (year > today().getYear() || year < d.getStartsOn().getYear()) {
            errors.add(new Violation("year", "serving.designation.reviewYear"));
        }
        String comment = InvalidInputException.collect(errors, () -> TextInput.optional(f == null ? null : f.comment(), "comment", 500));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ServingDesignationReviewRecord r = repo.newReview();
        r.setDesignationId(id);
        r.setOrgPath(d.getOrgPath());
        r.setReviewYear(year);
        r.setResult(f.result());
        r.setComment(comment);
        r.setReviewedBy(scope.username());
        r.setReviewedAt(OffsetDateTime.now(clock));
        if (!repo.insertReview(r)) {
            audit.refused("serving.designation.review", "serving-designation", id, d.getOrgPath(), "already reviewed for " + year);
            throw new ConflictException("serving.designation.reviewed", year);
        }
        if (f.result() == ReviewResult.UNQUALIFIED) {
            repo.withdraw(id);
        }
        audit.success("serving.designation.review", "serving-designation", id, d.getOrgPath(), d.getMemberName() + " " + year + " " + f.result());
        return get(scope, id);
    }

    @Transactional
    public Designation withdraw(DataScope scope, long id) {
        requireReader(scope);
        ServingDesignationRecord d = visible(scope, id);
        if (!manages(scope, d.getOrgPath())) {
            throw new ForbiddenException("designations are withdrawn by the branch secretary or the organization department");
        }
        if (d.getStatus() == DesignationStatus.WITHDRAWN) {
            audit.refused("serving.designation.withdraw", "serving-designation", id, d.getOrgPath(), "already withdrawn");
            throw new ConflictException("serving.designation.withdrawn");
        }
        repo.withdraw(id);
        audit.success("serving.designation.withdraw", "serving-designation", id, d.getOrgPath(), d.getMemberName());
        return get(scope, id);
    }

    /** The public card behind the token (no sign-in): unknown or malformed tokens are not found. */
    @Transactional(readOnly = true)
    public Card card(String token) {
        if (token == null || token.length() < 32 || token.length() > 64) {
            throw new NotFoundException("serving-designation", "token");
        }
        ServingDesignationRecord d = repo.byToken(token).orElseThrow(() -> new NotFoundException("serving-designation", "token"));
        Review last = repo.reviews(List.of(d.getId())).getOrDefault(d.getId(), List.of()).stream().findFirst()
                .map(r -> new Review(r.getReviewYear(), r.getResult(), null)).orElse(null);
        String orgName = orgs.namesOf(List.of(d.getOrgId())).get(d.getOrgId());
        return new Card(d.getMemberName(), d.getKind(), PersonalDataMask.mask(d.getPost()), PersonalDataMask.mask(d.getArea()),
                PersonalDataMask.mask(d.getCommitments()), orgName, d.getStartsOn(), d.getEndsOn(), inForce(d), last);
    }

    private boolean inForce(ServingDesignationRecord d) {
        LocalDate today = today();
        return d.getStatus() == DesignationStatus.ACTIVE && !d.getStartsOn().isAfter(today)
                && (d.getEndsOn() == null || !d.getEndsOn().isBefore(today));
    }

    private List<Designation> views(DataScope scope, List<ServingDesignationRecord> rows) {
        Map<Long, String> names = orgs.namesOf(rows.stream().map(ServingDesignationRecord::getOrgId).distinct().toList());
        var reviews = repo.reviews(rows.stream().map(ServingDesignationRecord::getId).toList());
        return rows.stream().map(d -> {
            boolean manage = manages(scope, d.getOrgPath());
            boolean own = scope.selfOnly() && d.getMemberId().equals(scope.selfMemberId());
            return new Designation(d.getId(), d.getKind(), d.getMemberId(), d.getMemberName(), d.getOrgId(),
                    names.get(d.getOrgId()), d.getPost(), d.getArea(), d.getHousehold(), d.getCommitments(),
                    d.getStartsOn(), d.getEndsOn(), d.getStatus(), inForce(d),
                    reviews.getOrDefault(d.getId(), List.of()).stream()
                            .map(r -> new Review(r.getReviewYear(), r.getResult(), r.getComment())).toList(),
                    manage || own ? d.getPublicToken() : null, manage);
        }).toList();
    }

    /** Designations in force of a branch not yet reviewed this year (the secretary's to-dos in the fourth quarter). */
    @Transactional(readOnly = true)
    public List<Designation> unreviewed(DataScope scope, long orgId, int year) {
        return views(scope, repo.unreviewed(orgId, year, 30));
    }
}
