package io.zhibu.org.internal;

import static io.zhibu.db.Tables.ORG_ELECTION_PROCESS;

import io.zhibu.db.tables.records.OrgElectionProcessRecord;
import io.zhibu.org.ElectionWorkflowRules.Stage;
import io.zhibu.shared.OrgPath;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** SQL of the tracked 换届选举程序 (R1.9). */
@Repository
public class ElectionProcessRepository {
    private final DSLContext db;

    public ElectionProcessRepository(DSLContext db) {
        this.db = db;
    }

    public long insert(OrgElectionProcessRecord r) {
        OrgElectionProcessRecord x = db.newRecord(ORG_ELECTION_PROCESS, r);
        x.store();
        return x.getId();
    }

    public Optional<OrgElectionProcessRecord> find(long id) {
        return db.selectFrom(ORG_ELECTION_PROCESS).where(ORG_ELECTION_PROCESS.ID.eq(id)).fetchOptional();
    }

    public Optional<OrgElectionProcessRecord> findForUpdate(long id) {
        return db.selectFrom(ORG_ELECTION_PROCESS).where(ORG_ELECTION_PROCESS.ID.eq(id)).forUpdate().fetchOptional();
    }

    public List<OrgElectionProcessRecord> ofOrg(long orgId) {
        return db.selectFrom(ORG_ELECTION_PROCESS).where(ORG_ELECTION_PROCESS.ORG_ID.eq(orgId))
                .orderBy(ORG_ELECTION_PROCESS.ID.desc()).fetch();
    }

    public boolean anyOpen(long orgId) {
        return db.fetchExists(ORG_ELECTION_PROCESS, ORG_ELECTION_PROCESS.ORG_ID.eq(orgId)
                .and(ORG_ELECTION_PROCESS.STAGE.notIn(Stage.CONFIRMED, Stage.REJECTED)));
    }

    /** Processes of the subtree (the superior's inbox), optionally at one stage, newest first. */
    public List<OrgElectionProcessRecord> inSubtree(String path, Stage stage, int limit) {
        var p = ORG_ELECTION_PROCESS;
        var c = path.isEmpty() ? org.jooq.impl.DSL.noCondition() : p.ORG_PATH.ge(path).and(p.ORG_PATH.lt(OrgPath.upperBound(path)));
        return db.selectFrom(p).where(c).and(stage == null ? org.jooq.impl.DSL.noCondition() : p.STAGE.eq(stage))
                .orderBy(p.ID.desc()).limit(limit).fetch();
    }

    /** Stores the changed record if nobody changed it since it was read (its version). */
    public boolean update(OrgElectionProcessRecord r, int version) {
        r.setVersion(version + 1);
        return db.update(ORG_ELECTION_PROCESS).set(r).where(ORG_ELECTION_PROCESS.ID.eq(r.getId()))
                .and(ORG_ELECTION_PROCESS.VERSION.eq(version)).execute() == 1;
    }
}
