package io.zhibu.themeday;

import io.zhibu.audit.AuditLog;
import io.zhibu.db.tables.records.ThemedayFileRecord;
import io.zhibu.db.tables.records.ThemedayThemeRecord;
import io.zhibu.org.OrgService;
import io.zhibu.org.OrgType;
import io.zhibu.org.Organization;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.Sha256;
import io.zhibu.shared.TextInput;
import io.zhibu.shared.Violation;
import io.zhibu.shared.files.FileStore;
import io.zhibu.shared.upload.FileType;
import io.zhibu.shared.upload.UploadCheck;
import io.zhibu.themeday.ThemeDayViews.Content;
import io.zhibu.themeday.ThemeDayViews.Detail;
import io.zhibu.themeday.ThemeDayViews.File;
import io.zhibu.themeday.ThemeDayViews.Form;
import io.zhibu.themeday.ThemeDayViews.Pick;
import io.zhibu.themeday.ThemeDayViews.Theme;
import io.zhibu.themeday.internal.ThemeDayRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The 主题党日 content library: the organization department of a committee (county, township) publishes themes for
 * a month to its subtree; everyone below reads them (members too), branches pick them for their theme-day meeting.
 * Out of scope → 404; every write is audited.
 */
@Service
public class ThemeDayService {
    static final int LIST_LIMIT = 200;
    static final int MAX_FILE_BYTES = 20 * 1024 * 1024;
    private final ThemeDayRepository repo;
    private final OrgService orgs;
    private final AuditLog audit;
    private final FileStore files;
    private final UploadCheck uploads;
    private final Clock clock;

    public ThemeDayService(ThemeDayRepository repo, OrgService orgs, AuditLog audit, FileStore files, UploadCheck uploads,
                           Clock clock) {
        this.repo = repo;
        this.orgs = orgs;
        this.audit = audit;
        this.files = files;
        this.uploads = uploads;
        this.clock = clock;
    }

    private static void requireReader(DataScope scope) {
        if (!scope.canReadOrgs() || scope.orgPath() == null || scope.orgPath().equals("X")) {
            throw new ForbiddenException("themes are read within an organization");
        }
    }

    /** Themes offered to {@code orgId} (the caller's organization when null) and, for organizations, of its subtree. */
    @Transactional(readOnly = true)
    public List<Theme> list(DataScope scope, Long orgId, String month) {
        requireReader(scope);
        String path = scope.orgPath();
        if (orgId != null) {
            if (scope.selfOnly()) {
                if (!orgId.equals(scope.scopeOrgId())) {
                    throw new NotFoundException("organization", orgId);
                }
            } else {
                path = orgs.get(scope, orgId).path();
            }
        }
        List<String> months = List.of();
        if (month != null && !month.isBlank()) {
            months = List.of(month(month).toString());
        }
        var rows = repo.visibleAt(path, !scope.selfOnly(), months, scope.selfOnly(), LIST_LIMIT);
        Map<Long, Integer> picks = repo.pickCounts(rows.stream().map(ThemedayThemeRecord::getId).toList());
        Map<Long, String> names = orgs.namesOf(rows.stream().map(ThemedayThemeRecord::getOrgId).distinct().toList());
        return rows.stream().filter(r -> visible(scope, r)).map(r -> view(scope, r, names, picks)).toList();
    }

    @Transactional(readOnly = true)
    public Detail get(DataScope scope, long id) {
        ThemedayThemeRecord r = visibleTheme(scope, id);
        Map<Long, String> names = orgs.namesOf(List.of(r.getOrgId()));
        List<Pick> picks = new ArrayList<>();
        if (!scope.selfOnly()) {
            var rows = repo.picksUnder(id, scope.orgPath(), 500);
            Map<Long, String> branchNames = orgs.namesOf(rows.stream().map(p -> p.getOrgId()).distinct().toList());
            rows.forEach(p -> picks.add(new Pick(p.getMeetingId(), p.getOrgId(), branchNames.getOrDefault(p.getOrgId(), ""),
                    p.getPickedAt())));
        }
        return new Detail(view(scope, r, names, repo.pickCounts(List.of(id))),
                repo.files(id).stream().map(ThemeDayService::file).toList(), picks);
    }

    @Transactional
    public Theme publish(DataScope scope, Form f) {
        requireReader(scope);
        if (f == null || f.orgId() == null) {
            throw InvalidInputException.of("orgId", "validation.required");
        }
        Organization org = orgs.get(scope, f.orgId()); // 404 outside the scope
        if (!scope.canManageOrgs()) {
            throw new ForbiddenException("themes are published by the organization department");
        }
        List<Violation> errors = new ArrayList<>();
        if (org.type() != OrgType.COMMITTEE) {
            errors.add(new Violation("orgId", "themeday.org.committeeOnly"));
        }
        ThemedayThemeRecord r = repo.newTheme();
        fill(r, f, errors);
        OffsetDateTime now = OffsetDateTime.now(clock);
        r.setRegionOrgId(org.regionOrgId());
        r.setOrgId(org.id());
        r.setOrgPath(org.path());
        r.setStatus(ThemeStatus.PUBLISHED);
        r.setVersion(0);
        r.setCreatedBy(scope.username());
        r.setCreatedAt(now);
        r.setUpdatedAt(now);
        r.store();
        audit.success("themeday.publish", "themeday", r.getId(), org.path(), r.getThemeMonth() + " " + r.getTopic());
        return view(scope, r, Map.of(org.id(), org.name()), Map.of());
    }

    @Transactional
    public Theme update(DataScope scope, long id, Form f) {
        ThemedayThemeRecord r = editable(scope, id);
        if (f == null || f.version() == null) {
            throw InvalidInputException.of("version", "validation.required");
        }
        List<Violation> errors = new ArrayList<>();
        fill(r, f, errors);
        r.setUpdatedAt(OffsetDateTime.now(clock));
        if (!repo.update(r, f.version())) {
            throw new ConflictException("error.concurrentChange");
        }
        audit.success("themeday.update", "themeday", id, r.getOrgPath(), r.getThemeMonth() + " " + r.getTopic());
        return get(scope, id).theme();
    }

    @Transactional
    public Theme withdraw(DataScope scope, long id) {
        ThemedayThemeRecord r = editable(scope, id);
        if (!repo.withdraw(id, OffsetDateTime.now(clock))) {
            throw InvalidInputException.of("status", "themeday.withdrawn.already");
        }
        audit.success("themeday.withdraw", "themeday", id, r.getOrgPath(), r.getTopic());
        return get(scope, id).theme();
    }

    @Transactional
    public File attach(DataScope scope, long id, String fileName, byte[] bytes) {
        ThemedayThemeRecord t = editable(scope, id);
        String name = TextInput.optional(fileName == null ? null : fileName.replaceAll("[\\\\/]", "_"), "file", 200);
        if (bytes == null || bytes.length == 0) {
            throw InvalidInputException.of("file", "validation.required");
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw InvalidInputException.of("file", "themeday.file.tooLarge", MAX_FILE_BYTES / (1024 * 1024));
        }
        String type = uploads.check("file", name, bytes, FileType.DOCUMENTS).contentType();
        String key = "themeday/" + t.getRegionOrgId() + "/" + id + "/" + UUID.randomUUID();
        files.put(key, bytes);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        files.delete(key);
                    }
                }
            });
        }
        ThemedayFileRecord r = repo.newFile();
        r.setThemeId(id);
        r.setOrgPath(t.getOrgPath());
        r.setFileName(name == null ? "material" : name);
        r.setContentType(type);
        r.setSizeBytes((long) bytes.length);
        r.setStorageKey(key);
        r.setSha256(Sha256.hex(bytes));
        r.setCreatedBy(scope.username());
        r.setCreatedAt(OffsetDateTime.now(clock));
        r.store();
        audit.success("themeday.file", "themeday", id, t.getOrgPath(), type + " " + bytes.length + " bytes");
        return file(r);
    }

    @Transactional(readOnly = true)
    public Content download(DataScope scope, long id, long fileId) {
        visibleTheme(scope, id);
        ThemedayFileRecord r = repo.file(id, fileId).orElseThrow(() -> new NotFoundException("file", fileId));
        byte[] bytes = files.get(r.getStorageKey()).orElseThrow(() -> new NotFoundException("file", fileId));
        return new Content(file(r), bytes);
    }

    /** The theme a meeting picked, if the meeting's branch is in the caller's scope (members: their own branch). */
    @Transactional(readOnly = true)
    public java.util.Optional<Theme> pickOf(DataScope scope, long meetingId) {
        requireReader(scope);
        var pick = repo.pickOf(meetingId).filter(p -> scope.covers(p.getOrgPath()))
                .orElseThrow(() -> new NotFoundException("meeting", meetingId));
        return repo.find(pick.getThemeId()).map(r -> view(scope, r, orgs.namesOf(List.of(r.getOrgId())), Map.of()));
    }

    /** Committees the caller may publish for (the organization department's scope root and the committees below it). */
    @Transactional(readOnly = true)
    public List<Organization> publishers(DataScope scope) {
        if (!scope.canManageOrgs() || scope.scopeOrgId() == null) {
            return List.of();
        }
        return orgs.activeIn(scope, scope.scopeOrgId(), List.of(OrgType.COMMITTEE));
    }

    // ------------------------------------------------------------------ helpers

    private void fill(ThemedayThemeRecord r, Form f, List<Violation> errors) {
        String topic = InvalidInputException.collect(errors, () -> TextInput.required(f.topic(), "topic", 100));
        String materials = InvalidInputException.collect(errors, () -> TextInput.optional(f.materials(), "materials", 4000));
        String activities = InvalidInputException.collect(errors, () -> TextInput.required(f.activities(), "activities", 2000));
        YearMonth month = null;
        try {
            month = month(f.month());
        } catch (InvalidInputException e) {
            errors.addAll(e.violations());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        r.setThemeMonth(month.toString());
        r.setTopic(topic);
        r.setMaterials(materials);
        r.setActivities(activities);
    }

    private static YearMonth month(String raw) {
        if (raw == null || raw.isBlank()) {
            throw InvalidInputException.of("month", "validation.required");
        }
        try {
            YearMonth m = YearMonth.parse(raw.strip());
            if (m.getYear() < 2000 || m.getYear() > 2100) {
                throw InvalidInputException.of("month", "themeday.month.format");
            }
            return m;
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of("month", "themeday.month.format");
        }
    }

    /** Themes of the caller's ancestors (published to the subtree) and, for organizations, of its subtree. */
    static boolean visible(DataScope scope, ThemedayThemeRecord r) {
        return scope.orgPath().startsWith(r.getOrgPath()) || (!scope.selfOnly() && scope.covers(r.getOrgPath()));
    }

    private ThemedayThemeRecord visibleTheme(DataScope scope, long id) {
        requireReader(scope);
        return repo.find(id).filter(r -> visible(scope, r))
                .filter(r -> !scope.selfOnly() || r.getStatus() == ThemeStatus.PUBLISHED)
                .orElseThrow(() -> new NotFoundException("theme", id));
    }

    private ThemedayThemeRecord editable(DataScope scope, long id) {
        ThemedayThemeRecord r = visibleTheme(scope, id);
        if (!canEdit(scope, r)) {
            throw new ForbiddenException("themes are edited by the publishing organization department");
        }
        return r;
    }

    private static boolean canEdit(DataScope scope, ThemedayThemeRecord r) {
        return scope.canManageOrgs() && scope.covers(r.getOrgPath());
    }

    private static Theme view(DataScope scope, ThemedayThemeRecord r, Map<Long, String> names, Map<Long, Integer> picks) {
        List<String> acts = Arrays.stream(r.getActivities().split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new Theme(r.getId(), r.getOrgId(), names.getOrDefault(r.getOrgId(), ""), r.getThemeMonth(), r.getTopic(),
                r.getMaterials(), acts, r.getStatus(), picks.getOrDefault(r.getId(), 0), canEdit(scope, r),
                r.getVersion() == null ? 0 : r.getVersion());
    }

    private static File file(ThemedayFileRecord r) {
        return new File(r.getId(), r.getFileName(), r.getContentType(), r.getSizeBytes(), r.getCreatedAt());
    }
}
