package io.zhibu.learning;

import io.zhibu.shared.Sha256;
import io.zhibu.audit.AuditLog;
import io.zhibu.db.tables.records.LearningCompletionRecord;
import io.zhibu.db.tables.records.LearningMaterialRecord;
import io.zhibu.db.tables.records.LearningMemberRecord;
import io.zhibu.db.tables.records.LearningSessionRecord;
import io.zhibu.learning.LearningRecords.Audience;
import io.zhibu.learning.LearningRecords.Beat;
import io.zhibu.learning.LearningRecords.Completion;
import io.zhibu.learning.LearningRecords.FileContent;
import io.zhibu.learning.LearningRecords.Library;
import io.zhibu.learning.LearningRecords.MaterialForm;
import io.zhibu.learning.LearningRecords.MaterialKind;
import io.zhibu.learning.LearningRecords.MaterialSummary;
import io.zhibu.learning.LearningRecords.MaterialView;
import io.zhibu.learning.internal.Access;
import io.zhibu.learning.internal.FileTypes;
import io.zhibu.learning.internal.HtmlSanitizer;
import io.zhibu.learning.internal.LearningRepository;
import io.zhibu.learning.internal.MaterialRepository;
import io.zhibu.shared.files.FileStore;
import io.zhibu.org.OrgService;
import io.zhibu.org.Organization;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.TextInput;
import io.zhibu.shared.Violation;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 学习资料 study materials (rules.md §7, R7.4): the organization department and branches publish articles (sanitized
 * rich text), PDF documents and videos for their subtree; members read on their phone while the page sends
 * heartbeats; genuine dwell (server clock) above the minimum completes the item once, within the daily cap.
 */
@Service
public class MaterialService {
    private static final Set<String> VIDEO_TYPES = Set.of("video/mp4", "video/webm");
    private final LearningRepository repo;
    private final MaterialRepository materials;
    private final StudyRules rules;
    private final OrgService orgs;
    private final FileStore files;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final long maxBytes;

    private final io.zhibu.shared.upload.UploadCheck uploads;

    public MaterialService(LearningRepository repo, MaterialRepository materials, StudyRules rules, OrgService orgs, FileStore files, AuditLog audit,
                           ApplicationEventPublisher events, TransactionTemplate tx, Clock clock,
                           LearningProperties settings,
                           io.zhibu.shared.upload.UploadCheck uploads) {
        this.uploads = uploads;
        this.repo = repo;
        this.materials = materials;
        this.rules = rules;
        this.orgs = orgs;
        this.files = files;
        this.audit = audit;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.maxBytes = settings.maxFileBytes();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---------------------------------------------------------------- browsing

    /** The items the caller may read: the period's required list first (default: this month), then the rest. */
    public Library library(DataScope scope, String period, String topic) {
        Access.requireReader(scope);
        String p = period == null || period.isBlank() ? YearMonth.now(clock).toString() : period(period);
        return tx.execute(s -> {
            LearningMemberRecord self = scope.selfOnly() ? Access.self(repo, scope) : null;
            List<LearningMaterialRecord> rows = materials.library(scope.orgPath(), audiences(self),
                    topic != null && !topic.isBlank() ? topic.strip() : null, 300);
            Set<Long> done = self == null ? Set.of() : materials.completedItems(self.getMemberId());
            List<MaterialSummary> required = new ArrayList<>();
            List<MaterialSummary> others = new ArrayList<>();
            for (LearningMaterialRecord r : rows) {
                MaterialSummary m = summary(r, done.contains(r.getId()));
                (p.equals(r.getRequiredPeriod()) ? required : others).add(m);
            }
            return new Library(p, required, others, (int) required.stream().filter(MaterialSummary::completed).count());
        });
    }

    public MaterialView get(DataScope scope, long id) {
        Access.requireReader(scope);
        return tx.execute(s -> {
            LearningMemberRecord self = scope.selfOnly() ? Access.self(repo, scope) : null;
            LearningMaterialRecord r = load(scope, id, self);
            Completion done = null;
            int dwell = 0;
            if (self != null) {
                done = completion(self.getMemberId(), id).map(c -> completion(c, true, false)).orElse(null);
                dwell = dwell(self.getMemberId(), id);
            }
            return new MaterialView(summary(r, done != null), r.getBodyHtml(), r.getVideoUrl(), r.getFileName(),
                    r.getContentType(), r.getStorageKey() != null, rules.minDwellSeconds(r.getMinutes()),
                    rules.settings().beatSeconds(), dwell, done, self != null);
        });
    }

    public FileContent file(DataScope scope, long id) {
        Access.requireReader(scope);
        LearningMaterialRecord r = tx.execute(s -> load(scope, id, scope.selfOnly() ? Access.self(repo, scope) : null));
        if (r.getStorageKey() == null) {
            throw new NotFoundException("file", id);
        }
        byte[] bytes = files.get(r.getStorageKey()).orElseThrow(() -> new NotFoundException("file", id));
        return new FileContent(r.getFileName(), r.getContentType(), bytes);
    }

    // ---------------------------------------------------------------- publishing

    /** Publishes an item for the org's subtree; a PDF or video file must really be what its name says. */
    public MaterialSummary publish(DataScope scope, MaterialForm f, String fileName, byte[] bytes) {
        Access.requireManager(scope);
        if (f == null) {
            throw InvalidInputException.of("title", "validation.required");
        }
        Organization org = orgs.get(scope, f.orgId() != null ? f.orgId() : scopeOrg(scope));
        List<Violation> errors = new ArrayList<>();
        if (f.kind() == null) {
            errors.add(new Violation("kind", "validation.required"));
        }
        String title = InvalidInputException.collect(errors, () -> TextInput.required(f.title(), "title", 100));
        String topic = InvalidInputException.collect(errors, () -> TextInput.required(f.topic(), "topic", 40));
        int minutes = f.minutes() == null ? 0 : f.minutes();
        if (minutes < 1 || minutes > 240) {
            errors.add(new Violation("minutes", "learning.material.minutes"));
        }
        String required = InvalidInputException.collect(errors, () -> f.requiredPeriod() == null
                || f.requiredPeriod().isBlank() ? null : period(f.requiredPeriod()));
        String body = null;
        String url = null;
        String type = null;
        String name = null;
        boolean hasFile = bytes != null && bytes.length > 0;
        if (f.kind() == MaterialKind.ARTICLE) {
            body = HtmlSanitizer.clean(f.bodyHtml());
            if (HtmlSanitizer.text(body).isEmpty()) {
                errors.add(new Violation("bodyHtml", "validation.required"));
            } else if (body.length() > 60000) {
                errors.add(new Violation("bodyHtml", "validation.tooLong", 60000));
            }
        } else if (f.kind() == MaterialKind.VIDEO && !hasFile) {
            url = InvalidInputException.collect(errors, () -> videoUrl(f.videoUrl()));
            if (url == null && errors.stream().noneMatch(v -> v.field().equals("videoUrl"))) {
                errors.add(new Violation("videoUrl", "validation.required"));
            }
        } else if (f.kind() != null) {
            name = InvalidInputException.collect(errors, () -> TextInput.optional(fileName == null ? null
                    : fileName.replaceAll("[\\\\/]", "_"), "file", 200));
            type = fileProblem(errors, f.kind(), fileName, bytes);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String fileType = type;
        String fileLabel = name;
        String html = body;
        String link = url;
        return tx.execute(s -> {
            LearningMaterialRecord r = materials.newMaterial();
            r.setRegionOrgId(org.regionOrgId());
            r.setOrgId(org.id());
            r.setOrgPath(org.path());
            r.setKind(f.kind());
            r.setTitle(title);
            r.setTopic(topic);
            r.setAudience(f.audience() == null ? Audience.ALL : f.audience());
            r.setMinutes(minutes);
            r.setBodyHtml(html);
            r.setVideoUrl(link);
            r.setRequiredPeriod(required);
            r.setCreatedBy(scope.username());
            r.setCreatedAt(OffsetDateTime.now(clock));
            if (fileType != null) {
                String key = "learning/" + org.regionOrgId() + "/" + UUID.randomUUID();
                store(key, bytes);
                r.setFileName(fileLabel == null ? f.kind().name().toLowerCase() : fileLabel);
                r.setContentType(fileType);
                r.setSizeBytes((long) bytes.length);
                r.setStorageKey(key);
                r.setSha256(Sha256.hex(bytes));
            }
            r.store();
            audit.success("learning.material.publish", "material", r.getId(), org.path(),
                    r.getKind() + " " + title + (required == null ? "" : " required " + required));
            return summary(r, false);
        });
    }

    /** The content must be the kind's format and match the extension the name claims (magic bytes decide). */
    private String fileProblem(List<Violation> errors, MaterialKind kind, String fileName, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            errors.add(new Violation("file", "validation.required"));
            return null;
        }
        if (bytes.length > maxBytes) {
            errors.add(new Violation("file", "learning.file.tooLarge", maxBytes / (1024 * 1024)));
            return null;
        }
        String actual;
        try {
            // the shared checker: a PDF is parsed whole and refused with scripts or actions; a video's boxes are walked
            actual = uploads.check("file", fileName, bytes, kind == MaterialKind.PDF
                    ? java.util.EnumSet.of(io.zhibu.shared.upload.FileType.PDF)
                    : java.util.EnumSet.of(io.zhibu.shared.upload.FileType.MP4, io.zhibu.shared.upload.FileType.WEBM))
                    .contentType();
        } catch (InvalidInputException e) {
            errors.addAll(e.violations().stream().map(v -> "upload.type".equals(v.code())
                    ? new Violation("file", "learning.file.notWhatItSays") : v).toList());
            return null;
        }
        String claimed = FileTypes.claimed(fileName);
        boolean fits = kind == MaterialKind.PDF ? "application/pdf".equals(actual) : VIDEO_TYPES.contains(actual);
        if (!fits || (claimed != null && !claimed.equals(actual))) {
            errors.add(new Violation("file", "learning.file.notWhatItSays"));
            return null;
        }
        return actual;
    }

    private void store(String key, byte[] bytes) {
        files.put(key, bytes);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        files.delete(key); // a rolled-back publish leaves no orphan file
                    }
                }
            });
        }
    }

    // ---------------------------------------------------------------- genuine study time (R7.4)

    /**
     * A heartbeat from the open page (every {@code beatSeconds}): adds the server time since the previous beat to
     * today's session of this item, or nothing after a long gap ({@link StudyRules#beatCredit}).
     */
    public Beat beat(DataScope scope, long id) {
        try {
            return tx.execute(s -> beatOnce(scope, id));
        } catch (DataIntegrityViolationException e) {
            return tx.execute(s -> beatOnce(scope, id)); // the first beats of two tabs raced to open the session
        }
    }

    private Beat beatOnce(DataScope scope, long id) {
        LearningMemberRecord self = Access.self(repo, scope);
        LearningMaterialRecord m = load(scope, id, self);
        LocalDate today = today();
        OffsetDateTime now = OffsetDateTime.now(clock);
        LearningSessionRecord session = materials.sessionForUpdate(self.getMemberId(), id, today);
        if (session == null) {
            session = materials.newSession();
            session.setMemberId(self.getMemberId());
            session.setMaterialId(id);
            session.setStudyDate(today);
            session.setStartedAt(now);
            session.setLastBeatAt(now);
            session.setDwellSeconds(0);
            session.store();
        } else {
            int credit = rules.beatCredit(session.getLastBeatAt().toInstant(), now.toInstant());
            session.setDwellSeconds(session.getDwellSeconds() + credit);
            session.setLastBeatAt(now);
            session.update();
        }
        int dwell = dwell(self.getMemberId(), id);
        boolean completed = completion(self.getMemberId(), id).isPresent();
        return new Beat(id, dwell, rules.minDwellSeconds(m.getMinutes()), rules.dwellEnough(dwell, m.getMinutes()),
                completed);
    }

    /**
     * Marks the item completed: refused below the minimum dwell; a repeated completion answers the first one and
     * counts nothing again; minutes are credited within the daily cap (refused when the cap is already reached).
     */
    public Completion complete(DataScope scope, long id) {
        try {
            return tx.execute(s -> completeOnce(scope, id));
        } catch (DataIntegrityViolationException e) {
            // a double click: the other request recorded it
            return tx.execute(s -> completion(Access.self(repo, scope).getMemberId(), id)
                    .map(c -> completion(c, true, false)).orElseThrow(() -> new ConflictException("error.concurrentChange")));
        }
    }

    private Completion completeOnce(DataScope scope, long id) {
        LearningMemberRecord self = Access.self(repo, scope);
        LearningMaterialRecord m = load(scope, id, self);
        long memberId = self.getMemberId();
        var existing = completion(memberId, id);
        if (existing.isPresent()) {
            return completion(existing.get(), true, false);
        }
        int dwell = dwell(memberId, id);
        if (!rules.dwellEnough(dwell, m.getMinutes())) {
            throw new ConflictException("learning.complete.tooShort", dwell, rules.minDwellSeconds(m.getMinutes()));
        }
        LocalDate today = today();
        int creditedToday = materials.creditedMinutes(memberId, today);
        if (rules.dailyCapReached(creditedToday)) {
            throw new ConflictException("learning.study.dailyCap", rules.settings().dailyCapMinutes());
        }
        int minutes = rules.creditedMinutes(dwell, m.getMinutes(), creditedToday);
        boolean capped = minutes < Math.min(dwell / 60, m.getMinutes());
        LearningCompletionRecord c = materials.newCompletion();
        c.setRegionOrgId(self.getRegionOrgId());
        c.setOrgPath(self.getOrgPath());
        c.setMemberId(memberId);
        c.setMaterialId(id);
        c.setStudyDate(today);
        c.setDwellSeconds(dwell);
        c.setMinutes(minutes);
        c.setCreatedAt(OffsetDateTime.now(clock));
        c.store();
        if (minutes > 0) {
            var h = materials.newHours();
            h.setRegionOrgId(self.getRegionOrgId());
            h.setOrgPath(self.getOrgPath());
            h.setMemberId(memberId);
            h.setStudyYear(today.getYear());
            h.setSource(LearningRecords.HoursSource.ONLINE);
            h.setSourceRef("M" + id);
            h.setHours(StudyRules.hoursOfMinutes(minutes)); // R7.3
            h.setOnDate(today);
            h.setTitle(m.getTitle());
            h.setCreatedBy(scope.username());
            h.setCreatedAt(OffsetDateTime.now(clock));
            h.store();
        }
        audit.success("learning.material.complete", "material", id, self.getOrgPath(),
                "member " + memberId + " dwell " + dwell + " s, " + minutes + " min");
        events.publishEvent(new LearningEvents.MaterialCompleted(memberId, id, minutes, today));
        return completion(c, false, capped);
    }

    // ---------------------------------------------------------------- internals

    private LearningMaterialRecord load(DataScope scope, long id, LearningMemberRecord self) {
        return materials.material(id)
                .filter(r -> Access.readable(scope, r.getOrgPath()))
                .filter(r -> self == null || visibleTo(self, r.getAudience()))
                .orElseThrow(() -> new NotFoundException("material", id));
    }

    private static boolean visibleTo(LearningMemberRecord self, Audience audience) {
        return switch (audience) {
            case ALL -> true;
            case CADRES -> self.getCadre();
            case PROBATIONARY -> self.getProbationary();
        };
    }

    /** The audiences a member may see; null (every audience) for those who read without being a member. */
    private static List<Audience> audiences(LearningMemberRecord self) {
        if (self == null) {
            return null;
        }
        List<Audience> a = new ArrayList<>(List.of(Audience.ALL));
        if (self.getCadre()) {
            a.add(Audience.CADRES);
        }
        if (self.getProbationary()) {
            a.add(Audience.PROBATIONARY);
        }
        return a;
    }

    private int dwell(long memberId, long materialId) {
        return materials.dwell(memberId, materialId);
    }

    private java.util.Optional<LearningCompletionRecord> completion(long memberId, long materialId) {
        return materials.completion(memberId, materialId);
    }

    private static Completion completion(LearningCompletionRecord c, boolean repeated, boolean capped) {
        return new Completion(c.getMaterialId(), c.getStudyDate(), c.getDwellSeconds(), c.getMinutes(), repeated, capped);
    }

    private static MaterialSummary summary(LearningMaterialRecord r, boolean completed) {
        return new MaterialSummary(r.getId(), r.getOrgId(), r.getKind(), r.getTitle(), r.getTopic(),
                r.getAudience(), r.getMinutes(), r.getRequiredPeriod(), r.getCreatedAt(), completed);
    }

    static long scopeOrg(DataScope scope) {
        if (scope.scopeOrgId() == null) {
            throw InvalidInputException.of("orgId", "validation.required");
        }
        return scope.scopeOrgId();
    }

    static String period(String raw) {
        try {
            return YearMonth.parse(raw.strip()).toString();
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of("requiredPeriod", "learning.period.invalid");
        }
    }

    private static String videoUrl(String raw) {
        String v = TextInput.optional(raw, "videoUrl", 500);
        if (v == null) {
            return null;
        }
        try {
            URI u = URI.create(v);
            if (!"https".equalsIgnoreCase(u.getScheme()) || u.getHost() == null) {
                throw InvalidInputException.of("videoUrl", "learning.video.url");
            }
            return u.toString();
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("videoUrl", "learning.video.url");
        }
    }
}
