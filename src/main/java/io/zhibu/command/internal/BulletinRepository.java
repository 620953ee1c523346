package io.zhibu.command.internal;

import static io.zhibu.db.Tables.COMMAND_BULLETIN;

import io.zhibu.db.tables.records.CommandBulletinRecord;
import io.zhibu.shared.OrgPath;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** SQL of issued bulletins. */
@Repository
public class BulletinRepository {
    private final DSLContext db;

    public BulletinRepository(DSLContext db) {
        this.db = db;
    }

    public boolean exists(long orgId, String period) {
        return db.fetchExists(COMMAND_BULLETIN, COMMAND_BULLETIN.ORG_ID.eq(orgId).and(COMMAND_BULLETIN.PERIOD.eq(period)));
    }

    /** How many bulletins the organization issued since {@code since} (for the next number). */
    public int issuedSince(long orgId, OffsetDateTime since) {
        return db.fetchCount(COMMAND_BULLETIN, COMMAND_BULLETIN.ORG_ID.eq(orgId).and(COMMAND_BULLETIN.ISSUED_AT.ge(since)));
    }

    public long insert(CommandBulletinRecord b) {
        b.setIssuedAt(OffsetDateTime.now(ZoneOffset.UTC));
        b.changed(COMMAND_BULLETIN.ID, false);
        return db.insertInto(COMMAND_BULLETIN).set(b).returning(COMMAND_BULLETIN.ID).fetchOne().getId();
    }

    public void setTask(long id, long taskId) {
        db.update(COMMAND_BULLETIN).set(COMMAND_BULLETIN.RECTIFICATION_TASK_ID, taskId).where(COMMAND_BULLETIN.ID.eq(id)).execute();
    }

    public CommandBulletinRecord find(long id) {
        return db.selectFrom(COMMAND_BULLETIN).where(COMMAND_BULLETIN.ID.eq(id)).fetchOne();
    }

    public List<CommandBulletinRecord> within(String scopePath, int limit) {
        var c = scopePath.isEmpty() ? DSL.noCondition() : COMMAND_BULLETIN.ORG_PATH.ge(scopePath)
                .and(COMMAND_BULLETIN.ORG_PATH.lt(OrgPath.upperBound(scopePath)));
        return db.selectFrom(COMMAND_BULLETIN).where(c).orderBy(COMMAND_BULLETIN.ID.desc()).limit(limit).fetch();
    }

    /** The organization's bulletin issued just before bulletin {@code id}, if any. */
    public java.util.Optional<CommandBulletinRecord> previous(long orgId, long id) {
        return db.selectFrom(COMMAND_BULLETIN).where(COMMAND_BULLETIN.ORG_ID.eq(orgId)).and(COMMAND_BULLETIN.ID.lt(id))
                .orderBy(COMMAND_BULLETIN.ID.desc()).limit(1).fetchOptional();
    }
}
