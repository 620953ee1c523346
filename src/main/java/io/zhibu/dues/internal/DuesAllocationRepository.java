package io.zhibu.dues.internal;

import static io.zhibu.db.Tables.DUES_ALLOCATION;

import io.zhibu.db.tables.records.DuesAllocationRecord;
import io.zhibu.shared.db.OrgPathSql;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** SQL of the superior's 党费下拨 ledger (append-only: insert and read, never update or delete). */
@Repository
public class DuesAllocationRepository {
    private final DSLContext db;

    public DuesAllocationRepository(DSLContext db) {
        this.db = db;
    }

    public long insert(DuesAllocationRecord r) {
        r.attach(db.configuration());
        r.setCreatedAt(DuesRepository.now());
        r.store();
        return r.getId();
    }

    public Optional<DuesAllocationRecord> find(long id) {
        return db.selectFrom(DUES_ALLOCATION).where(DUES_ALLOCATION.ID.eq(id)).fetchOptional();
    }

    public boolean reversed(long id) {
        return db.fetchExists(DUES_ALLOCATION, DUES_ALLOCATION.REVERSES_ID.eq(id));
    }

    /** Entries allocated from, or received by, organizations of the subtree in [from, to], newest first. */
    public List<DuesAllocationRecord> list(String path, LocalDate from, LocalDate to, int limit) {
        return db.selectFrom(DUES_ALLOCATION)
                .where(OrgPathSql.subtree(DUES_ALLOCATION.TO_ORG_PATH, path).or(OrgPathSql.subtree(DUES_ALLOCATION.FROM_ORG_PATH, path)))
                .and(DUES_ALLOCATION.ALLOCATED_ON.between(from, to))
                .orderBy(DUES_ALLOCATION.ALLOCATED_ON.desc(), DUES_ALLOCATION.ID.desc()).limit(limit).fetch();
    }

    /** The ids among {@code ids} that a reversal entry links. */
    public java.util.Set<Long> reversedAmong(java.util.Collection<Long> ids) {
        return ids.isEmpty() ? java.util.Set.of() : new java.util.HashSet<>(db.select(DUES_ALLOCATION.REVERSES_ID)
                .from(DUES_ALLOCATION).where(DUES_ALLOCATION.REVERSES_ID.in(ids)).fetch(DUES_ALLOCATION.REVERSES_ID));
    }
}
