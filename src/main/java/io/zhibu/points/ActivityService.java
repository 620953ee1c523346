package io.zhibu.points;

import io.zhibu.shared.Sha256;
import io.zhibu.audit.AuditLog;
import io.zhibu.db.tables.records.PointsActivityPhotoRecord;
import io.zhibu.db.tables.records.PointsActivityRecord;
import io.zhibu.shared.files.FileStore;
import io.zhibu.meeting.MeetingRecords;
import io.zhibu.meeting.MeetingService;
import io.zhibu.org.OrgService;
import io.zhibu.org.Organization;
import io.zhibu.points.PointsViews.*;
import io.zhibu.points.internal.ActivityRepository;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.Page;
import io.zhibu.shared.TextInput;
import io.zhibu.shared.Violation;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * 支部活动 branch activity feed: the branch posts text and photos (JPEG/PNG checked by their magic bytes, bytes in the
 * meeting module's {@link FileStore}), optionally linked to one of its meetings; members see and like (once each);
 * a share link with an unguessable token opens a public read-only page without personal data (R9.2).
 */
@Service
public class ActivityService {
    public static final int MAX_PHOTOS = 9;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A photo's bytes with its type. */
    public record PhotoContent(String contentType, byte[] bytes) {
    }

    private final ActivityRepository repo;
    private final io.zhibu.member.MemberService members;
    private final OrgService orgs;
    private final MeetingService meetings;
    private final FileStore files;
    private final AuditLog audit;
    private final Clock clock;
    private final long maxBytes;

    private final io.zhibu.shared.upload.UploadCheck photoCheck;

    public ActivityService(ActivityRepository repo, io.zhibu.member.MemberService members, OrgService orgs, MeetingService meetings, FileStore files,
                           AuditLog audit, Clock clock,
                           @Value("${zhibu.points.max-photo-bytes:10485760}") long maxBytes,
                           io.zhibu.shared.upload.UploadCheck photoCheck) {
        this.photoCheck = photoCheck;
        this.repo = repo;
        this.members = members;
        this.orgs = orgs;
        this.meetings = meetings;
        this.files = files;
        this.audit = audit;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    @Transactional
    public Activity post(DataScope scope, ActivityForm f, List<PhotoUpload> photos) {
        if (!PointsService.canWrite(scope)) {
            throw new ForbiddenException("only the branch posts activities");
        }
        Long orgId = f == null || f.orgId() == null ? scope.scopeOrgId() : f.orgId();
        if (orgId == null) {
            throw InvalidInputException.of("orgId", "validation.required");
        }
        Organization org = orgs.get(scope, orgId);
        List<Violation> errors = new ArrayList<>();
        if (!org.active() || !org.type().holdsMembers()) {
            errors.add(new Violation("orgId", "points.activity.notABranch"));
        }
        String title = InvalidInputException.collect(errors, () -> TextInput.required(f == null ? null : f.title(), "title", 100));
        String body = InvalidInputException.collect(errors, () -> TextInput.optional(f == null ? null : f.body(), "body", 2000));
        MeetingRecords.MeetingView meeting = null;
        if (f != null && f.meetingId() != null) {
            try {
                meeting = meetings.get(scope, f.meetingId());
                if (meeting.orgId() != org.id()) {
                    errors.add(new Violation("meetingId", "points.activity.meetingOfOtherBranch"));
                }
            } catch (NotFoundException e) {
                errors.add(new Violation("meetingId", "points.activity.meetingUnknown"));
            }
        }
        List<PhotoUpload> uploads = photos == null ? List.of() : photos.stream()
                .filter(p -> p != null && p.bytes() != null && p.bytes().length > 0).toList();
        if (uploads.size() > MAX_PHOTOS) {
            errors.add(new Violation("photos", "points.photo.tooMany", MAX_PHOTOS));
        }
        List<String> types = new ArrayList<>();
        for (PhotoUpload p : uploads) {
            String type = null;
            if (p.bytes().length > maxBytes) {
                errors.add(new Violation("photos", "points.photo.tooLarge", maxBytes / (1024 * 1024)));
            } else {
                // decoded whole (a JPEG header followed by HTML is no photo): the shared upload checker
                try {
                    type = photoCheck.check("photos", p.fileName(), p.bytes(), io.zhibu.shared.upload.FileType.PHOTOS)
                            .contentType();
                } catch (InvalidInputException e) {
                    errors.add(new Violation("photos", "points.photo.badType", p.fileName() == null ? "" : p.fileName()));
                }
            }
            types.add(type);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        PointsActivityRecord a = new PointsActivityRecord();
        a.setRegionOrgId(org.regionOrgId());
        a.setOrgId(org.id());
        a.setOrgPath(org.path());
        a.setOrgName(org.name());
        a.setTitle(title);
        a.setBody(body);
        // the public copy behind a share link: names of the branch's members, phones and ID numbers masked (R9.2)
        List<String> names = rosterNames(scope, org.id());
        a.setPublicTitle(mask(title, names));
        a.setPublicBody(mask(body, names));
        a.setMeetingId(meeting == null ? null : meeting.id());
        a.setMeetingTitle(meeting == null ? null : meeting.title());
        a.setLikes(0);
        a.setCreatedBy(scope.username());
        a.setCreatedAt(OffsetDateTime.now(clock));
        repo.insert(a);
        for (int i = 0; i < uploads.size(); i++) {
            byte[] bytes = uploads.get(i).bytes();
            String key = "activities/" + org.regionOrgId() + "/" + a.getId() + "/" + UUID.randomUUID();
            files.put(key, bytes);
            deleteOnRollback(key);
            PointsActivityPhotoRecord p = new PointsActivityPhotoRecord();
            p.setActivityId(a.getId());
            p.setContentType(types.get(i));
            p.setSizeBytes((long) bytes.length);
            p.setStorageKey(key);
            p.setSha256(Sha256.hex(bytes));
            p.setCreatedAt(a.getCreatedAt());
            repo.insertPhoto(p);
        }
        audit.success("points.activity.post", "activity", a.getId(), org.path(), title + ", " + uploads.size() + " photos");
        return view(scope, a, repo.photos(List.of(a.getId())), Set.of());
    }

    @Transactional(readOnly = true)
    public Page<Activity> feed(DataScope scope, Long orgId, Integer page, Integer size) {
        requireReader(scope);
        int p = Page.clampPage(page);
        int s = Page.clampSize(size);
        String path = orgId == null ? scope.orgPath() : orgs.get(scope, orgId).path();
        List<PointsActivityRecord> rows = repo.page(path, p * s, s);
        List<Long> ids = rows.stream().map(PointsActivityRecord::getId).toList();
        Map<Long, List<PointsActivityPhotoRecord>> photos = repo.photos(ids).stream()
                .collect(Collectors.groupingBy(PointsActivityPhotoRecord::getActivityId));
        Set<Long> liked = scope.selfMemberId() == null ? Set.of() : repo.likedBy(scope.selfMemberId(), ids);
        return new Page<>(rows.stream().map(a -> view(scope, a, photos.getOrDefault(a.getId(), List.of()), liked)).toList(),
                p, s, repo.count(path));
    }

    @Transactional(readOnly = true)
    public Activity get(DataScope scope, long id) {
        PointsActivityRecord a = load(scope, id);
        Set<Long> liked = scope.selfMemberId() == null ? Set.of() : repo.likedBy(scope.selfMemberId(), List.of(id));
        return view(scope, a, repo.photos(List.of(id)), liked);
    }

    /** A member likes an activity of their branch; a second like changes nothing. */
    @Transactional
    public Activity like(DataScope scope, long id) {
        load(scope, id);
        if (!scope.selfOnly() || scope.selfMemberId() == null) {
            throw new ForbiddenException("only members like activities");
        }
        repo.like(id, scope.selfMemberId());
        return get(scope, id);
    }

    /** The share link's token (created once, then always the same): 256 random bits, base64url. */
    @Transactional
    public String share(DataScope scope, long id) {
        PointsActivityRecord a = load(scope, id);
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        String token = repo.share(id, Base64.getUrlEncoder().withoutPadding().encodeToString(b));
        if (a.getShareToken() == null) {
            audit.success("points.activity.share", "activity", id, a.getOrgPath(), "public link created");
        }
        return token;
    }

    @Transactional(readOnly = true)
    public PhotoContent photo(DataScope scope, long id, long photoId) {
        load(scope, id);
        return content(id, photoId);
    }

    /** The public page behind a share link: the branch's name, the text with phone and ID numbers masked. */
    @Transactional(readOnly = true)
    public SharedActivity shared(String token) {
        PointsActivityRecord a = byToken(token);
        // masked again on the way out: copies stored before the content-based mask are covered as well
        return new SharedActivity(a.getOrgName(), mask(a.getPublicTitle(), List.of()), mask(a.getPublicBody(), List.of()),
                a.getMeetingTitle() == null ? null : mask(a.getMeetingTitle(), List.of()),
                repo.photos(List.of(a.getId())).stream().map(PointsActivityPhotoRecord::getId).toList(), a.getLikes(),
                a.getCreatedAt());
    }

    @Transactional(readOnly = true)
    public PhotoContent sharedPhoto(String token, long photoId) {
        return content(byToken(token).getId(), photoId);
    }

    /** Personal data out of a public text: the given names, mobile numbers and ID numbers are masked. */
    public static String mask(String text, List<String> names) {
        if (text == null) {
            return null;
        }
        String t = text;
        for (String n : names.stream().filter(n -> n != null && n.length() >= 2)
                .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList()) {
            t = t.replace(n, n.charAt(0) + "*".repeat(n.length() - 1));
        }
        // by normalized content: +86 137-3643-5330, full-width digits, 410821 19900806 7852 … (issue 19)
        return io.zhibu.shared.PersonalDataMask.mask(t);
    }

    private List<String> rosterNames(DataScope scope, long orgId) {
        List<String> names = new ArrayList<>();
        for (int p = 0; ; p++) {
            var page = members.search(scope, new io.zhibu.member.MemberFilter(orgId, null, null, null, null, null, null),
                    p, Page.MAX_SIZE);
            page.items().forEach(m -> names.add(m.name()));
            if (page.items().size() < Page.MAX_SIZE) {
                return names;
            }
        }
    }

    private PointsActivityRecord byToken(String token) {
        if (token == null || token.length() < 32 || token.length() > 64) {
            throw new NotFoundException("activity", "token");
        }
        return repo.byToken(token).orElseThrow(() -> new NotFoundException("activity", "token"));
    }

    private PhotoContent content(long activityId, long photoId) {
        PointsActivityPhotoRecord p = repo.photo(activityId, photoId).orElseThrow(() -> new NotFoundException("photo", photoId));
        byte[] bytes = files.get(p.getStorageKey()).orElseThrow(() -> new NotFoundException("photo", photoId));
        return new PhotoContent(p.getContentType(), bytes);
    }

    private PointsActivityRecord load(DataScope scope, long id) {
        requireReader(scope);
        return repo.find(id).filter(a -> scope.covers(a.getOrgPath())).orElseThrow(() -> new NotFoundException("activity", id));
    }

    private static void requireReader(DataScope scope) {
        if (!scope.canReadRoster()) {
            throw new ForbiddenException("role cannot read the activity feed");
        }
    }

    private Activity view(DataScope scope, PointsActivityRecord a, List<PointsActivityPhotoRecord> photos, Set<Long> liked) {
        return new Activity(a.getId(), a.getOrgId(), a.getOrgName(), a.getTitle(), a.getBody(), a.getMeetingId(),
                a.getMeetingTitle(), photos.stream().map(p -> new Photo(p.getId(), p.getContentType(), p.getSizeBytes())).toList(),
                a.getLikes(), liked.contains(a.getId()), PointsService.canWrite(scope) || scope.selfOnly() ? a.getShareToken() : null,
                a.getCreatedAt());
    }

    private void deleteOnRollback(String key) {
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
    }
}
