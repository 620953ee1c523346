package io.zhibu.command.internal;

import static io.zhibu.db.Tables.COMMAND_TASK_FILE;

import io.zhibu.db.tables.records.CommandTaskFileRecord;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** SQL of task attachments: the sender's (no organization) and each receiver's. */
@Repository
public class TaskFileRepository {
    private final DSLContext db;

    public TaskFileRepository(DSLContext db) {
        this.db = db;
    }

    public long insert(CommandTaskFileRecord f) {
        f.setUploadedAt(OffsetDateTime.now(ZoneOffset.UTC));
        f.changed(COMMAND_TASK_FILE.ID, false);
        return db.insertInto(COMMAND_TASK_FILE).set(f).returning(COMMAND_TASK_FILE.ID).fetchOne().getId();
    }

    public Optional<CommandTaskFileRecord> find(long taskId, long id) {
        var f = COMMAND_TASK_FILE;
        return db.selectFrom(f).where(f.ID.eq(id)).and(f.TASK_ID.eq(taskId)).fetchOptional();
    }

    /** The task's files: all, or (for a receiver) the sender's and that organization's. */
    public List<CommandTaskFileRecord> files(long taskId, Long onlyOrgId) {
        var f = COMMAND_TASK_FILE;
        var c = f.TASK_ID.eq(taskId);
        if (onlyOrgId != null) {
            c = c.and(f.ORG_ID.isNull().or(f.ORG_ID.eq(onlyOrgId)));
        }
        return db.selectFrom(f).where(c).orderBy(f.ORG_PATH.nullsFirst(), f.ID).limit(500).fetch();
    }

    /** The organization's photos on the task (image content types). */
    public int countImages(long taskId, long orgId) {
        var f = COMMAND_TASK_FILE;
        return db.fetchCount(f, f.TASK_ID.eq(taskId).and(f.ORG_ID.eq(orgId)).and(f.CONTENT_TYPE.startsWith("image/")));
    }

    public int count(long taskId, Long orgId) {
        var f = COMMAND_TASK_FILE;
        return db.fetchCount(f, f.TASK_ID.eq(taskId).and(orgId == null ? f.ORG_ID.isNull() : f.ORG_ID.eq(orgId)));
    }
}
