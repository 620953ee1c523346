package io.zhibu.supervision.internal;

import static io.zhibu.db.Tables.SUPERVISION_RUN;

import io.zhibu.shared.jobs.StaleRuns;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Rollup runs (rebuild, apply, check) left RUNNING by a node that stopped: FAILED at its start-up. The rebuild writes
 * the table in one transaction (emptied and refilled), so the table holds the last complete rebuild plus the applied
 * marks; the marks not yet applied are still there, and a new rebuild can start at once.
 */
@Component
class RollupStaleRuns implements StaleRuns {
    private final DSLContext db;

    RollupStaleRuns(DSLContext db) {
        this.db = db;
    }

    @Override
    public String job() {
        return "supervision rollups";
    }

    @Override
    public int failInterrupted(String node, String note) {
        return db.update(SUPERVISION_RUN).set(SUPERVISION_RUN.STATUS, "FAILED")
                .set(SUPERVISION_RUN.FINISHED_AT, OffsetDateTime.now()).set(SUPERVISION_RUN.NOTE, note)
                .where(SUPERVISION_RUN.STATUS.in("RUNNING", "QUEUED"))
                .and(SUPERVISION_RUN.NODE.eq(node).or(SUPERVISION_RUN.NODE.isNull())).execute();
    }
}
