package io.zhibu.disclosure;

import io.zhibu.audit.AuditLog;
import io.zhibu.db.tables.records.DisclosureItemRecord;
import io.zhibu.disclosure.DisclosureViews.Board;
import io.zhibu.disclosure.DisclosureViews.Form;
import io.zhibu.disclosure.DisclosureViews.Item;
import io.zhibu.disclosure.DisclosureViews.Obligation;
import io.zhibu.disclosure.DisclosureViews.PublicItem;
import io.zhibu.disclosure.internal.DisclosureRepository;
import io.zhibu.org.OrgNode;
import io.zhibu.org.OrgService;
import io.zhibu.org.Organization;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.Role;
import io.zhibu.shared.TextInput;
import io.zhibu.shared.Violation;
import io.zhibu.shared.rollup.FactsChanged;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 三务公开: an organization's secretary (or the organization department above it) publishes items for a period, to
 * the organization's subtree or publicly by QR code; everyone in the subtree reads them (members: their branch's and
 * its superiors' items), superiors also the items of their subtree. Out of scope → 404; every write is audited.
 */
@Service
public class DisclosureService {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int LIST_LIMIT = 300;
    private final DisclosureRepository repo;
    private final OrgService orgs;
    private final AuditLog audit;
    private final DisclosureProperties props;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public DisclosureService(DisclosureRepository repo, OrgService orgs, AuditLog audit, DisclosureProperties props,
                             ApplicationEventPublisher events, Clock clock) {
        this.repo = repo;
        this.orgs = orgs;
        this.audit = audit;
        this.props = props;
        this.events = events;
        this.clock = clock;
    }

    private static void requireReader(DataScope scope) {
        if (!scope.canReadOrgs()) {
            throw new ForbiddenException("公开 items are read within an organization");
        }
    }

    /** The profile of an organization (its parent looked up unscoped: the parent's type only). */
    public DisclosureRules.Profile profile(Organization o) {
        OrgNode parent = o.parentId() == null ? null
                : orgs.activeNodes(List.of(o.parentId())).stream().findFirst().orElse(null);
        return DisclosureRules.profile(o.type(), o.domain(), parent == null ? null : parent.type(),
                parent == null ? null : parent.domain());
    }

    /** The board of {@code orgId} (the caller's own organization when null). */
    @Transactional(readOnly = true)
    public Board board(DataScope scope, Long orgId) {
        requireReader(scope);
        long id = orgId != null ? orgId : scope.scopeOrgIdOrZero();
        if (id == 0) {
            throw new NotFoundException("organization", 0);
        }
        Organization org = scope.selfOnly() ? ownBranch(scope, id) : orgs.get(scope, id);
        DisclosureRules.Profile profile = profile(org);
        LocalDate today = LocalDate.now(clock);
        Set<String> published = repo.publishedKeys(List.of(org.id()));
        List<Obligation> obligations = new ArrayList<>();
        for (DisclosureProperties.Requirement r : props.of(profile)) {
            String current = DisclosureRules.key(r.cadence(), today);
            String last = DisclosureRules.lastOverdue(r.cadence(), today, props.grace());
            LocalDate lastDueOn = DisclosureRules.end(r.cadence(), last).orElseThrow().plusDays(props.grace());
            obligations.add(new Obligation(r.category(), r.cadence(), r.topics(), current,
                    published.contains(DisclosureRepository.key(org.id(), r.category(), current)), last, lastDueOn,
                    published.contains(DisclosureRepository.key(org.id(), r.category(), last))));
        }
        boolean canPublish = canPublish(scope, org);
        List<DisclosureCategory> categories = profile == DisclosureRules.Profile.VILLAGE
                ? List.of(DisclosureCategory.values()) : List.of(DisclosureCategory.PARTY);
        return new Board(org.id(), org.name(), profile, obligations, items(scope, org), canPublish, categories);
    }

    private List<Item> items(DataScope scope, Organization at) {
        Map<Long, String> names = new HashMap<>();
        List<Item> out = new ArrayList<>();
        for (DisclosureItemRecord r : repo.visibleAt(at.path(), !scope.selfOnly(), LIST_LIMIT)) {
            if (!visible(scope, r)) {
                continue;
            }
            out.add(view(scope, r, names));
        }
        return out;
    }

    /** A member's own branch (their scope root); another organization answers 404. */
    private Organization ownBranch(DataScope scope, long id) {
        if (scope.scopeOrgId() == null || id != scope.scopeOrgId()) {
            throw new NotFoundException("organization", id);
        }
        return orgs.scopeRootFor(id).orElseThrow(() -> new NotFoundException("organization", id));
    }

    @Transactional(readOnly = true)
    public Item get(DataScope scope, long id) {
        requireReader(scope);
        DisclosureItemRecord r = repo.find(id).filter(x -> visible(scope, x)).orElseThrow(() -> new NotFoundException("disclosure", id));
        return view(scope, r, new HashMap<>());
    }

    /** Items of the caller's ancestors (published to the subtree) and, for organizations, of its subtree. */
    private static boolean visible(DataScope scope, DisclosureItemRecord r) {
        return scope.orgPath().startsWith(r.getOrgPath()) || (!scope.selfOnly() && scope.covers(r.getOrgPath()));
    }

    @Transactional
    public Item publish(DataScope scope, Form f) {
        requireReader(scope);
        if (f == null || f.orgId() == null) {
            throw InvalidInputException.of("orgId", "validation.required");
        }
        Organization org = scope.selfOnly() ? ownBranch(scope, f.orgId()) : orgs.get(scope, f.orgId()); // 404 outside
        if (!canPublish(scope, org)) {
            throw new ForbiddenException("公开 items are published by the organization's secretary or the organization department");
        }
        DisclosureRules.Profile profile = profile(org);
        List<Violation> errors = new ArrayList<>();
        String title = InvalidInputException.collect(errors, () -> TextInput.required(f.title(), "title", 100));
        String body = InvalidInputException.collect(errors, () -> TextInput.required(f.body(), "body", 4000));
        if (f.audience() == null) {
            errors.add(new Violation("audience", "validation.required"));
        }
        DisclosureProperties.Requirement req = null;
        if (f.category() == null) {
            errors.add(new Violation("category", "validation.required"));
        } else if (f.category() != DisclosureCategory.PARTY && profile != DisclosureRules.Profile.VILLAGE) {
            errors.add(new Violation("category", "disclosure.category.villageOnly"));
        } else {
            req = props.of(profile).stream().filter(r -> r.category() == f.category()).findFirst()
                    .orElse(new DisclosureProperties.Requirement(f.category(), Cadence.QUARTERLY, List.of()));
        }
        LocalDate today = LocalDate.now(clock);
        if (req != null) {
            var end = DisclosureRules.end(req.cadence(), f.period() == null ? null : f.period().strip());
            if (end.isEmpty()) {
                errors.add(new Violation("period", "disclosure.period.format." + req.cadence()));
            } else if (DisclosureRules.start(req.cadence(), f.period().strip()).isAfter(today)) {
                errors.add(new Violation("period", "disclosure.period.future"));
            }
            if (body != null) {
                List<String> missing = DisclosureRules.missingTopics(body, req.topics());
                if (!missing.isEmpty()) {
                    errors.add(new Violation("body", "disclosure.body.missingTopics", String.join("、", missing)));
                }
            }
        }
        if (f.audience() == Audience.PUBLIC && (DisclosureRules.looksPersonal(body) || DisclosureRules.looksPersonal(title))) {
            errors.add(new Violation(DisclosureRules.looksPersonal(title) ? "title" : "body", "disclosure.personalData"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        DisclosureItemRecord r = repo.newItem();
        r.setRegionOrgId(org.regionOrgId());
        r.setOrgId(org.id());
        r.setOrgPath(org.path());
        r.setCategory(f.category());
        r.setPeriod(f.period().strip());
        r.setTitle(title);
        r.setBody(body);
        r.setAudience(f.audience());
        r.setStatus(ItemStatus.PUBLISHED);
        r.setPublicToken(f.audience() == Audience.PUBLIC ? newToken() : null);
        r.setPublishedOn(today);
        r.setPublishedBy(scope.username());
        r.setPublishedAt(now);
        r.store();
        audit.success("disclosure.publish", "disclosure", r.getId(), org.path(),
                f.category() + " " + r.getPeriod() + " " + f.audience() + " " + title);
        changed(org.id(), req.cadence(), r.getPeriod());
        return view(scope, r, new HashMap<>());
    }

    @Transactional
    public Item withdraw(DataScope scope, long id, DisclosureViews.Withdraw w) {
        requireReader(scope);
        DisclosureItemRecord r = repo.find(id).filter(x -> visible(scope, x)).orElseThrow(() -> new NotFoundException("disclosure", id));
        if (scope.selfOnly() || !scope.covers(r.getOrgPath())) {
            throw new ForbiddenException("公开 items are withdrawn by those who publish them");
        }
        Organization org = orgs.get(scope, r.getOrgId());
        if (!canPublish(scope, org)) {
            throw new ForbiddenException("公开 items are withdrawn by those who publish them");
        }
        String reason = TextInput.required(w == null ? null : w.reason(), "reason", 200);
        if (!repo.withdraw(id, scope.username(), OffsetDateTime.now(clock), reason)) {
            throw InvalidInputException.of("status", "disclosure.withdrawn.already");
        }
        audit.success("disclosure.withdraw", "disclosure", id, r.getOrgPath(), reason);
        Cadence cadence = props.of(profile(org)).stream().filter(q -> q.category() == r.getCategory())
                .map(DisclosureProperties.Requirement::cadence).findFirst().orElse(Cadence.QUARTERLY);
        changed(org.id(), cadence, r.getPeriod());
        return view(scope, repo.find(id).orElseThrow(), new HashMap<>());
    }

    /** The public view behind a QR token (no sign-in): unknown, private or withdrawn items answer 404. */
    @Transactional(readOnly = true)
    public PublicItem shared(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            throw new NotFoundException("disclosure", "token");
        }
        DisclosureItemRecord r = repo.byToken(token).filter(x -> x.getAudience() == Audience.PUBLIC)
                .orElseThrow(() -> new NotFoundException("disclosure", "token"));
        String orgName = orgs.namesOf(List.of(r.getOrgId())).getOrDefault(r.getOrgId(), "");
        return new PublicItem(orgName, r.getCategory(), r.getPeriod(), r.getTitle(), r.getBody(), r.getPublishedOn());
    }

    /** The month whose rollup figures changed: the one in which the period ends. */
    private void changed(long orgId, Cadence cadence, String period) {
        DisclosureRules.end(cadence, period).ifPresent(end ->
                events.publishEvent(FactsChanged.months("disclosure", List.of(orgId), YearMonth.from(end), YearMonth.from(end))));
    }

    /** The organization's own secretary, or organization staff covering it. */
    public static boolean canPublish(DataScope scope, Organization org) {
        return scope.covers(org.path()) && (scope.canManageOrgs()
                || (scope.role() == Role.BRANCH_SECRETARY && scope.scopeOrgId() != null && scope.scopeOrgId() == org.id()));
    }

    private static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private Item view(DataScope scope, DisclosureItemRecord r, Map<Long, String> names) {
        String orgName = names.computeIfAbsent(r.getOrgId(), k -> orgs.namesOf(List.of(k)).getOrDefault(k, ""));
        boolean mayPublish = !scope.selfOnly() && scope.covers(r.getOrgPath()) && (scope.canManageOrgs()
                || (scope.role() == Role.BRANCH_SECRETARY && scope.scopeOrgId() != null && scope.scopeOrgId() == r.getOrgId()));
        String publicPath = mayPublish && r.getPublicToken() != null && r.getStatus() == ItemStatus.PUBLISHED
                ? "/public/disclosures/" + r.getPublicToken() : null;
        return new Item(r.getId(), r.getOrgId(), orgName, r.getCategory(), r.getPeriod(), r.getTitle(), r.getBody(),
                r.getAudience(), r.getStatus(), r.getPublishedOn(), r.getWithdrawnAt(), r.getWithdrawReason(), publicPath,
                mayPublish && r.getStatus() == ItemStatus.PUBLISHED);
    }
}
