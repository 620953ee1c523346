package io.zhibu.meeting;

import io.zhibu.shared.Sha256;
import io.zhibu.audit.AuditLog;
import io.zhibu.shared.files.FileStore;
import io.zhibu.db.tables.records.MeetingAttachmentRecord;
import io.zhibu.meeting.MeetingRecords.Attachment;
import io.zhibu.meeting.internal.MeetingRepository;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.TextInput;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.annotation.Transactional;

/**
 * Minutes attachments (R6.2: photos, sign-in sheet): size and type checked by content (magic bytes, not the name),
 * bytes in the {@link FileStore}, metadata and SHA-256 in the database; none after the minutes are locked.
 */
@Service
public class AttachmentService {
    /** Photos are JPEG or PNG; a sign-in sheet may also be a PDF scan. */
    public enum Kind {
        PHOTO, SIGN_IN
    }

    /** A stored file with its metadata. */
    public record Content(Attachment meta, byte[] bytes) {
    }

    private final MeetingRepository repo;
    private final MeetingService meetings;
    private final FileStore files;
    private final AuditLog audit;
    private final Clock clock;
    private final long maxBytes;
    private final io.zhibu.shared.upload.UploadCheck uploads;

    public AttachmentService(MeetingRepository repo, MeetingService meetings, FileStore files, AuditLog audit, Clock clock,
                             @Value("${zhibu.meeting.max-attachment-bytes:10485760}") long maxBytes,
                             io.zhibu.shared.upload.UploadCheck uploads) {
        this.uploads = uploads;
        this.repo = repo;
        this.meetings = meetings;
        this.files = files;
        this.audit = audit;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    /** The content type from the first bytes, or null if not an accepted format. */
    public static String sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D
                && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return "image/png";
        }
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return "application/pdf";
        }
        return null;
    }

    @Transactional
    public Attachment upload(DataScope scope, long meetingId, Kind kind, String fileName, byte[] bytes) {
        String[] pathAndRegion = meetings.scopedPath(scope, meetingId, true).split("\\|");
        if (kind == null) {
            throw InvalidInputException.of("kind", "validation.required");
        }
        String name = TextInput.optional(fileName == null ? null : fileName.replaceAll("[\\\\/]", "_"), "file", 200);
        if (bytes == null || bytes.length == 0) {
            throw InvalidInputException.of("file", "validation.required");
        }
        if (bytes.length > maxBytes) {
            throw InvalidInputException.of("file", "meeting.attachment.tooLarge", maxBytes / (1024 * 1024));
        }
        // the whole file is checked (decoded image, parsed PDF without scripts or actions), not its first bytes
        String type = uploads.check("file", name, bytes, kind == Kind.PHOTO ? io.zhibu.shared.upload.FileType.PHOTOS
                : io.zhibu.shared.upload.FileType.SCANS).contentType();
        String key = pathAndRegion[1] + "/" + meetingId + "/" + UUID.randomUUID();
        files.put(key, bytes);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // a rolled-back upload leaves no orphan file behind
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        files.delete(key);
                    }
                }
            });
        }
        MeetingAttachmentRecord r = repo.newAttachment();
        r.setRegionOrgId(Long.parseLong(pathAndRegion[1]));
        r.setOrgPath(pathAndRegion[0]);
        r.setMeetingId(meetingId);
        r.setKind(kind.name());
        r.setFileName(name == null ? kind.name().toLowerCase() : name);
        r.setContentType(type);
        r.setSizeBytes((long) bytes.length);
        r.setStorageKey(key);
        r.setSha256(Sha256.hex(bytes));
        r.setCreatedBy(scope.username());
        r.setCreatedAt(OffsetDateTime.now(clock));
        r.store();
        audit.success("meeting.attachment", "meeting", meetingId, pathAndRegion[0], kind + " " + type + " " + bytes.length + " bytes");
        return meta(r);
    }

    @Transactional(readOnly = true)
    public Content download(DataScope scope, long meetingId, long attachmentId) {
        meetings.scopedPath(scope, meetingId, false);
        MeetingAttachmentRecord r = repo.attachment(meetingId, attachmentId)
                .orElseThrow(() -> new NotFoundException("attachment", attachmentId));
        byte[] bytes = files.get(r.getStorageKey()).orElseThrow(() -> new NotFoundException("attachment", attachmentId));
        return new Content(meta(r), bytes);
    }

    private static Attachment meta(MeetingAttachmentRecord r) {
        return new Attachment(r.getId(), r.getKind(), r.getFileName(), r.getContentType(), r.getSizeBytes(), r.getCreatedAt());
    }
}
