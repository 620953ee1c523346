package io.zhibu.venue;

import io.zhibu.audit.AuditLog;
import io.zhibu.db.tables.records.VenueInspectionRecord;
import io.zhibu.db.tables.records.VenueVenueRecord;
import io.zhibu.org.OrgService;
import io.zhibu.org.Organization;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.Role;
import io.zhibu.shared.TextInput;
import io.zhibu.shared.Violation;
import io.zhibu.venue.VenueViews.Detail;
import io.zhibu.venue.VenueViews.Inspection;
import io.zhibu.venue.VenueViews.InspectionForm;
import io.zhibu.venue.VenueViews.TierCounts;
import io.zhibu.venue.VenueViews.Venue;
import io.zhibu.venue.VenueViews.VenueForm;
import io.zhibu.venue.internal.VenueRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The venue register: read within the caller's data scope (out of scope → 404); the owner branch's secretary or the
 * organization department registers and edits venues; only a superior (organization staff above the owner) records
 * inspections, which set the tier. Every write is audited.
 */
@Service
public class VenueService {
    private static final int LIST_LIMIT = 2000;
    private final VenueRepository repo;
    private final OrgService orgs;
    private final AuditLog audit;
    private final VenueProperties props;
    private final Clock clock;

    private org.springframework.context.ApplicationEventPublisher events;

    /** Venue counts by tier are a supervision rollup ({@code venue.*}): a new venue or inspection marks its owner. */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setEvents(org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
    }

    private void changed(long orgId) {
        if (events != null) {
            events.publishEvent(io.zhibu.shared.rollup.FactsChanged.stock("venue", java.util.List.of(orgId)));
        }
    }

    private io.zhibu.shared.files.FileStore files;
    private io.zhibu.shared.upload.UploadCheck uploads;

    /** Photos: the shared file store and the one upload checker (JPEG/PNG only). */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setFiles(io.zhibu.shared.files.FileStore files, io.zhibu.shared.upload.UploadCheck uploads) {
        this.files = files;
        this.uploads = uploads;
    }

    public VenueService(VenueRepository repo, OrgService orgs, AuditLog audit, VenueProperties props, Clock clock) {
        this.repo = repo;
        this.orgs = orgs;
        this.audit = audit;
        this.props = props;
        this.clock = clock;
    }

    private static void requireReader(DataScope scope) {
        if (scope.selfOnly() || !scope.canReadOrgs()) {
            throw new ForbiddenException("venues are read by organizations");
        }
    }

    /** Venues of {@code orgId}'s subtree (the caller's scope root when null). */
    @Transactional(readOnly = true)
    public List<Venue> list(DataScope scope, Long orgId) {
        requireReader(scope);
        Organization root = orgs.getOrScopeRoot(scope, orgId);
        Map<Long, String> names = new HashMap<>();
        List<Venue> out = new ArrayList<>();
        for (VenueVenueRecord r : repo.under(root.path(), LIST_LIMIT)) {
            String orgName = names.computeIfAbsent(r.getOrgId(), id -> r.getOrgId() == root.id() ? root.name() : orgs.get(scope, id).name());
            out.add(view(r, orgName));
        }
        return out;
    }

    @Transactional(readOnly = true)
    public Detail get(DataScope scope, long id) {
        requireReader(scope);
        VenueVenueRecord r = visible(scope, id);
        Organization owner = orgs.get(scope, r.getOrgId());
        return new Detail(view(r, owner.name()), repo.inspections(id).stream().map(VenueService::inspection).toList(),
                canEdit(scope, owner), canInspect(scope, owner), repo.photos(id).stream().map(p -> new VenueViews.Photo(
                        p.getId(), p.getVenueId(), p.getInspectionId(), p.getFileName(), p.getUploadedBy(),
                        p.getUploadedAt())).toList());
    }

    @Transactional(readOnly = true)
    public TierCounts counts(DataScope scope, Long orgId) {
        requireReader(scope);
        Organization root = orgs.getOrScopeRoot(scope, orgId);
        Map<String, Long> c = repo.countsByTier(root.path());
        return new TierCounts(c.getOrDefault(VenueTier.MODEL.name(), 0L), c.getOrDefault(VenueTier.STANDARD.name(), 0L),
                c.getOrDefault(VenueTier.BASIC.name(), 0L), c.getOrDefault(VenueTier.BELOW_STANDARD.name(), 0L),
                c.getOrDefault(null, 0L));
    }

    @Transactional
    public Venue create(DataScope scope, VenueForm f) {
        if (f == null || f.orgId() == null) {
            throw InvalidInputException.of("orgId", "validation.required");
        }
        Organization owner = orgs.get(scope, f.orgId()); // 404 outside the scope
        if (!canEdit(scope, owner)) {
            throw new ForbiddenException("venues are registered by the owner or the organization department");
        }
        VenueVenueRecord r = repo.newVenue();
        fill(r, f);
        OffsetDateTime now = OffsetDateTime.now(clock);
        r.setOrgId(owner.id());
        r.setOrgPath(owner.path());
        r.setRegionOrgId(owner.regionOrgId());
        r.setCreatedBy(scope.username());
        r.setCreatedAt(now);
        r.setUpdatedAt(now);
        r.store();
        audit.success("venue.create", "venue", r.getId(), owner.path(), r.getName());
        changed(owner.id());
        return view(r, owner.name());
    }

    @Transactional
    public Venue update(DataScope scope, long id, VenueForm f) {
        VenueVenueRecord r = visible(scope, id);
        Organization owner = orgs.get(scope, r.getOrgId());
        if (!canEdit(scope, owner)) {
            throw new ForbiddenException("venues are edited by the owner or the organization department");
        }
        if (f == null || f.version() == null) {
            throw InvalidInputException.of("version", "validation.required");
        }
        fill(r, f);
        r.setUpdatedAt(OffsetDateTime.now(clock));
        if (!repo.update(r, f.version())) {
            throw new ConflictException("error.concurrentChange");
        }
        audit.success("venue.update", "venue", id, owner.path(), r.getName());
        return view(repo.find(id).orElseThrow(), owner.name());
    }

    @Transactional
    public Detail inspect(DataScope scope, long id, InspectionForm f) {
        VenueVenueRecord v = visible(scope, id);
        Organization owner = orgs.get(scope, v.getOrgId());
        if (!canInspect(scope, owner)) {
            throw new ForbiddenException("venues are inspected by a superior organization");
        }
        List<Violation> errors = new ArrayList<>();
        if (f == null) {
            throw InvalidInputException.of("inspectedOn", "validation.required");
        }
        String inspector = InvalidInputException.collect(errors, () -> TextInput.required(f.inspector(), "inspector", 50));
        String findings = InvalidInputException.collect(errors, () -> TextInput.optional(f.findings(), "findings", 2000));
        LocalDate today = LocalDate.now(clock);
        if (f.inspectedOn() == null) {
            errors.add(new Violation("inspectedOn", "validation.required"));
        } else if (f.inspectedOn().isAfter(today)) {
            errors.add(new Violation("inspectedOn", "validation.futureDate"));
        }
        String[] fields = {"place", "signage", "rules", "equipment", "use"};
        Integer[] scores = {f.place(), f.signage(), f.rules(), f.equipment(), f.use()};
        for (int i = 0; i < fields.length; i++) {
            if (!VenueTierRules.validScore(scores[i])) {
                errors.add(new Violation(fields[i], "venue.score.range", VenueTierRules.ASPECT_MAX));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        VenueTier tier = VenueTierRules.tier(f.place(), f.signage(), f.rules(), f.equipment(), f.use(), props.criteria());
        VenueInspectionRecord r = repo.newInspection();
        r.setVenueId(id);
        r.setOrgPath(v.getOrgPath());
        r.setInspectedOn(f.inspectedOn());
        r.setInspector(inspector);
        r.setScorePlace(f.place());
        r.setScoreSignage(f.signage());
        r.setScoreRules(f.rules());
        r.setScoreEquipment(f.equipment());
        r.setScoreUse(f.use());
        r.setTotal(VenueTierRules.total(f.place(), f.signage(), f.rules(), f.equipment(), f.use()));
        r.setTier(tier);
        r.setFindings(findings);
        r.setCreatedBy(scope.username());
        r.setCreatedAt(OffsetDateTime.now(clock));
        r.store();
        repo.refreshLatest(id);
        audit.success("venue.inspect", "venue", id, v.getOrgPath(), tier.name() + " " + r.getTotal());
        changed(v.getOrgId());
        return get(scope, id);
    }

    private void fill(VenueVenueRecord r, VenueForm f) {
        List<Violation> errors = new ArrayList<>();
        String name = InvalidInputException.collect(errors, () -> TextInput.required(f.name(), "name", 100));
        String address = InvalidInputException.collect(errors, () -> TextInput.required(f.address(), "address", 200));
        String hours = InvalidInputException.collect(errors, () -> TextInput.optional(f.openingHours(), "openingHours", 100));
        if (f.kind() == null) {
            errors.add(new Violation("kind", "validation.required"));
        }
        if (f.areaSqm() != null && (f.areaSqm() < 1 || f.areaSqm() > 100_000)) {
            errors.add(new Violation("areaSqm", "venue.area.range"));
        }
        if (f.rooms() != null && (f.rooms() < 1 || f.rooms() > 500)) {
            errors.add(new Violation("rooms", "venue.rooms.range"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        r.setName(name);
        r.setKind(f.kind());
        r.setAddress(address);
        r.setAreaSqm(f.areaSqm());
        r.setRooms(f.rooms());
        r.setOpeningHours(hours);
    }

    /**
     * A photo (JPEG or PNG) of the venue — by whoever may edit it — or of one of its inspections ({@code inspectionId})
     * — by whoever may inspect it. Checked whole by the upload checker before it is stored; audited.
     */
    @Transactional
    public Detail addPhoto(DataScope scope, long id, Long inspectionId, String fileName, byte[] bytes) {
        VenueVenueRecord v = visible(scope, id);
        Organization owner = orgs.get(scope, v.getOrgId());
        if (inspectionId == null ? !canEdit(scope, owner) : !canInspect(scope, owner)) {
            audit.refused("venue.photo", "venue", id, v.getOrgPath(), inspectionId == null ? "not the owner" : "not a superior");
            throw new ForbiddenException("venue photos are the owner's; inspection photos the inspector's");
        }
        if (inspectionId != null && !repo.inspectionOf(id, inspectionId)) {
            throw InvalidInputException.of("inspectionId", "venue.photo.inspectionUnknown");
        }
        if (bytes == null || bytes.length == 0) {
            throw InvalidInputException.of("file", "validation.required");
        }
        String type = uploads.check("file", fileName, bytes, io.zhibu.shared.upload.FileType.PHOTOS).contentType();
        String name = TextInput.optional(fileName == null ? null : fileName.replaceAll("[\\\\/]", "_"), "file", 200);
        String key = "venue/" + id + "/" + java.util.UUID.randomUUID();
        files.put(key, bytes);
        io.zhibu.db.tables.records.VenuePhotoRecord p = new io.zhibu.db.tables.records.VenuePhotoRecord();
        p.setVenueId(id);
        p.setInspectionId(inspectionId);
        p.setOrgPath(v.getOrgPath());
        p.setFileKey(key);
        p.setFileName(name == null ? "photo" : name);
        p.setContentType(type);
        p.setUploadedBy(scope.username());
        p.setUploadedAt(OffsetDateTime.now(clock));
        repo.insertPhoto(p);
        audit.success("venue.photo", "venue", id, v.getOrgPath(), (inspectionId == null ? "" : "inspection " + inspectionId + " ")
                + p.getFileName());
        return get(scope, id);
    }

    /** A photo's bytes, for whoever may read the venue. */
    @Transactional(readOnly = true)
    public VenueViews.PhotoContent photo(DataScope scope, long id, long photoId) {
        visible(scope, id);
        var p = repo.photo(id, photoId).orElseThrow(() -> new NotFoundException("photo", photoId));
        byte[] bytes = files.get(p.getFileKey()).orElseThrow(() -> new NotFoundException("photo", photoId));
        return new VenueViews.PhotoContent(p.getFileName(), p.getContentType(), bytes);
    }

    private VenueVenueRecord visible(DataScope scope, long id) {
        requireReader(scope);
        return repo.find(id).filter(r -> scope.covers(r.getOrgPath())).orElseThrow(() -> new NotFoundException("venue", id));
    }

    /** The owner's own secretary, or organization staff covering the owner. */
    private static boolean canEdit(DataScope scope, Organization owner) {
        return scope.covers(owner.path()) && (scope.canManageOrgs() || scope.role() == Role.BRANCH_SECRETARY);
    }

    /** A superior: organization staff whose scope covers the owner but is not the owner itself. */
    private static boolean canInspect(DataScope scope, Organization owner) {
        return scope.canManageOrgs() && scope.covers(owner.path())
                && (scope.role() == Role.ADMIN || !scope.orgPath().equals(owner.path()));
    }

    private static Venue view(VenueVenueRecord r, String orgName) {
        return new Venue(r.getId(), r.getOrgId(), orgName, r.getName(), r.getKind(), r.getAddress(),
                r.getAreaSqm(), r.getRooms(), r.getOpeningHours(), r.getLatestTier(),
                r.getLatestInspectedOn(), r.getVersion() == null ? 0 : r.getVersion());
    }

    private static Inspection inspection(VenueInspectionRecord r) {
        return new Inspection(r.getId(), r.getVenueId(), r.getInspectedOn(), r.getInspector(), r.getScorePlace(),
                r.getScoreSignage(), r.getScoreRules(), r.getScoreEquipment(), r.getScoreUse(), r.getTotal(),
                r.getTier(), r.getFindings(), r.getCreatedBy(), r.getCreatedAt());
    }
}
