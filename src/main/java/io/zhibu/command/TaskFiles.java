package io.zhibu.command;

import io.zhibu.audit.AuditLog;
import io.zhibu.command.internal.TaskFileRepository;
import io.zhibu.db.tables.records.CommandTaskFileRecord;
import io.zhibu.shared.files.FileStore;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.TextInput;
import io.zhibu.shared.upload.FileType;
import io.zhibu.shared.upload.UploadCheck;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Task attachments (issue 17 point 1: content with attachments; feedback with photos and files). The sending side
 * attaches files to its task; each receiving organization attaches photos and documents to its feedback (after
 * signing, until accepted). Photos, PDF and office files only ({@link UploadCheck}); at most
 * {@value #MAX_FILES} per task and side. Who sees what: the sending side every file of its task; a receiver the
 * sender's files and its own; anyone else 404 (the task's scope rules, {@link TaskService}). Uploads are audited.
 */
@Service
public class TaskFiles {
    static final int MAX_FILES = 10;

    private final TaskFileRepository repo;
    private final TaskService tasks;
    private final FileStore files;
    private final UploadCheck uploads;
    private final AuditLog audit;
    private final long maxBytes;

    public TaskFiles(TaskFileRepository repo, TaskService tasks, FileStore files, UploadCheck uploads, AuditLog audit,
                     @Value("${zhibu.command.max-evidence-bytes:20971520}") long maxBytes) {
        this.repo = repo;
        this.tasks = tasks;
        this.files = files;
        this.uploads = uploads;
        this.audit = audit;
        this.maxBytes = maxBytes;
    }

    /** One attachment as listed: {@code orgId} null for the sender's files. */
    public record TaskFile(long id, long taskId, Long orgId, String orgName, String fileName, String contentType,
                           int sizeBytes, OffsetDateTime uploadedAt) {
    }

    /** The sending side attaches a file to its task. */
    @Transactional
    public TaskFile addSenderFile(DataScope scope, long taskId, String fileName, byte[] bytes) {
        TaskView t = tasks.task(scope, taskId); // 404 outside the sender's scope, 403 for non-staff
        if (repo.count(taskId, null) >= MAX_FILES) {
            throw new ConflictException("command.files.tooMany", MAX_FILES);
        }
        return store(taskId, null, null, null, fileName, bytes, scope, "sender " + t.senderOrgName());
    }

    /** The receiving organization attaches a photo or document to its feedback (after signing, until accepted). */
    @Transactional
    public TaskFile addFeedbackFile(DataScope scope, long taskId, String fileName, byte[] bytes) {
        InboxItem item = tasks.inboxItem(scope, taskId); // 404 unless addressed to the caller's organization
        if (item.status() == ReceiverStatus.ISSUED || item.status() == ReceiverStatus.ACCEPTED) {
            throw new ConflictException("command.conflict.notAllowed");
        }
        if (repo.count(taskId, item.orgId()) >= MAX_FILES) {
            throw new ConflictException("command.files.tooMany", MAX_FILES);
        }
        return store(taskId, item.orgId(), scope.orgPath(), item.orgName(), fileName, bytes, scope, item.orgName());
    }

    /** The files the caller may see on the task. */
    @Transactional(readOnly = true)
    public List<TaskFile> list(DataScope scope, long taskId) {
        return repo.files(taskId, onlyOrg(scope, taskId)).stream().map(TaskFiles::view).toList();
    }

    /** One file's bytes, if the caller may see it. */
    @Transactional(readOnly = true)
    public ProjectService.Evidence content(DataScope scope, long taskId, long fileId) {
        Long only = onlyOrg(scope, taskId);
        CommandTaskFileRecord f = repo.find(taskId, fileId)
                .filter(x -> only == null || x.getOrgId() == null || x.getOrgId().equals(only))
                .orElseThrow(() -> new NotFoundException("file", fileId));
        byte[] bytes = files.get(f.getFileKey()).orElseThrow(() -> new NotFoundException("file", fileId));
        return new ProjectService.Evidence(f.getFileName(), f.getContentType(), bytes);
    }

    /** null for the sending side (every file), the caller's organization for a receiver; 404 for anyone else. */
    private Long onlyOrg(DataScope scope, long taskId) {
        if (scope.canManageOrgs()) {
            try {
                tasks.task(scope, taskId);
                return null;
            } catch (NotFoundException | ForbiddenException e) {
                // not the sending side: perhaps a receiver
            }
        }
        try {
            return tasks.inboxItem(scope, taskId).orgId();
        } catch (ForbiddenException e) {
            throw new NotFoundException("task", taskId);
        }
    }

    private TaskFile store(long taskId, Long orgId, String orgPath, String orgName, String fileName, byte[] bytes,
                           DataScope scope, String who) {
        if (bytes != null && bytes.length > maxBytes) {
            throw InvalidInputException.of("file", "command.file.tooLarge", maxBytes / (1024 * 1024));
        }
        String type = uploads.check("file", fileName, bytes, FileType.DOCUMENTS).contentType();
        String name = TextInput.optional(fileName, "file", 200);
        String key = "command/tasks/" + taskId + "/" + (orgId == null ? "sender" : orgId) + "-" + UUID.randomUUID();
        files.put(key, bytes);
        CommandTaskFileRecord f = new CommandTaskFileRecord();
        f.setTaskId(taskId);
        f.setOrgId(orgId);
        f.setOrgPath(orgPath);
        f.setOrgName(orgName);
        f.setFileKey(key);
        f.setFileName(name == null ? "file" : name);
        f.setContentType(type);
        f.setSizeBytes(bytes.length);
        f.setUploadedBy(scope.username());
        long id = repo.insert(f);
        audit.success("command.task.file", "task", taskId, orgPath == null ? scope.orgPath() : orgPath, who + ": " + name);
        return view(repo.find(taskId, id).orElseThrow());
    }

    private static TaskFile view(CommandTaskFileRecord f) {
        return new TaskFile(f.getId(), f.getTaskId(), f.getOrgId(), f.getOrgName(), f.getFileName(), f.getContentType(),
                f.getSizeBytes(), f.getUploadedAt());
    }
}
