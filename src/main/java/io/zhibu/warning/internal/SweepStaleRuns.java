package io.zhibu.warning.internal;

import static io.zhibu.db.Tables.WARNING_CANDIDATE;
import static io.zhibu.db.Tables.WARNING_SWEEP;

import io.zhibu.shared.jobs.StaleRuns;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Warning sweeps left RUNNING (or QUEUED) by a node that stopped: FAILED at its start-up, and the candidates they had
 * staged are removed. The diff against the warnings is one transaction, so warnings are as the last complete sweep
 * left them; the next sweep (scheduled or by the administrator) runs normally.
 */
@Component
class SweepStaleRuns implements StaleRuns {
    private final DSLContext db;
    private final TransactionTemplate tx;

    SweepStaleRuns(DSLContext db, TransactionTemplate tx) {
        this.db = db;
        this.tx = tx;
    }

    @Override
    public String job() {
        return "warning sweep";
    }

    @Override
    public int failInterrupted(String node, String note) {
        Integer n = tx.execute(s -> {
            List<Long> runs = db.select(WARNING_SWEEP.ID).from(WARNING_SWEEP)
                    .where(WARNING_SWEEP.STATUS.in("RUNNING", "QUEUED"))
                    .and(WARNING_SWEEP.NODE.eq(node).or(WARNING_SWEEP.NODE.isNull())).fetch(WARNING_SWEEP.ID);
            if (runs.isEmpty()) {
                return 0;
            }
            db.deleteFrom(WARNING_CANDIDATE).where(WARNING_CANDIDATE.RUN_ID.in(runs)).execute();
            return db.update(WARNING_SWEEP).set(WARNING_SWEEP.STATUS, "FAILED").set(WARNING_SWEEP.STAGE, "interrupted")
                    .set(WARNING_SWEEP.FINISHED_AT, OffsetDateTime.now())
                    .where(WARNING_SWEEP.ID.in(runs)).execute();
        });
        return n == null ? 0 : n;
    }
}
