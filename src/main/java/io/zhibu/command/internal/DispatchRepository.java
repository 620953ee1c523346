package io.zhibu.command.internal;

import static io.zhibu.db.Tables.COMMAND_DISPATCH_ITEM;

import io.zhibu.command.DispatchItemStatus;
import io.zhibu.db.tables.records.CommandDispatchItemRecord;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/** SQL of the weekly dispatch items (周调度). */
@Repository
public class DispatchRepository {
    private final org.jooq.DSLContext db;

    public DispatchRepository(org.jooq.DSLContext db) {
        this.db = db;
    }

    public long insert(CommandDispatchItemRecord r) {
        r.setCreatedAt(OffsetDateTime.now(ZoneOffset.UTC));
        r.changed(COMMAND_DISPATCH_ITEM.ID, false);
        return db.insertInto(COMMAND_DISPATCH_ITEM).set(r).returning(COMMAND_DISPATCH_ITEM.ID).fetchOne().getId();
    }

    /** Demo and lived-year history: items as they stand, with their own creation and settlement times. */
    public void insertAll(List<CommandDispatchItemRecord> items) {
        for (CommandDispatchItemRecord r : items) {
            r.changed(COMMAND_DISPATCH_ITEM.ID, false);
            db.insertInto(COMMAND_DISPATCH_ITEM).set(r).execute();
        }
    }

    /** Whether the organization has items raised by {@code createdBy} (the lived year's, written once). */
    public boolean anyBy(long orgId, String createdBy) {
        return db.fetchExists(COMMAND_DISPATCH_ITEM, COMMAND_DISPATCH_ITEM.ORG_ID.eq(orgId)
                .and(COMMAND_DISPATCH_ITEM.CREATED_BY.eq(createdBy)));
    }

    public Optional<CommandDispatchItemRecord> item(long id) {
        return db.selectFrom(COMMAND_DISPATCH_ITEM).where(COMMAND_DISPATCH_ITEM.ID.eq(id)).fetchOptional();
    }

    /** The items raised at the organization's meeting of the week starting {@code weekStart}. */
    public List<CommandDispatchItemRecord> raised(long orgId, LocalDate weekStart) {
        var i = COMMAND_DISPATCH_ITEM;
        return db.selectFrom(i).where(i.ORG_ID.eq(orgId)).and(i.WEEK_START.eq(weekStart)).orderBy(i.DUE_ON, i.ID).fetch();
    }

    /**
     * Earlier items: all of the previous week's (the following week shows their status), older ones while open or
     * when settled since {@code since} (the week's start).
     */
    public List<CommandDispatchItemRecord> carried(long orgId, LocalDate weekStart, OffsetDateTime since) {
        var i = COMMAND_DISPATCH_ITEM;
        return db.selectFrom(i).where(i.ORG_ID.eq(orgId)).and(i.WEEK_START.lt(weekStart))
                .and(i.STATUS.eq(DispatchItemStatus.OPEN).or(i.WEEK_START.ge(weekStart.minusWeeks(1)))
                        .or(i.UPDATED_AT.ge(since)))
                .orderBy(i.WEEK_START, i.DUE_ON, i.ID).limit(200).fetch();
    }

    public boolean setStatus(long id, int version, DispatchItemStatus status, String note, String by) {
        var i = COMMAND_DISPATCH_ITEM;
        return db.update(i).set(i.STATUS, status).set(i.STATUS_NOTE, note).set(i.UPDATED_BY, by)
                .set(i.UPDATED_AT, OffsetDateTime.now(ZoneOffset.UTC)).set(i.VERSION, version + 1)
                .where(i.ID.eq(id)).and(i.VERSION.eq(version)).execute() == 1;
    }
}
