package io.zhibu.web;

import static io.zhibu.db.Tables.AUDIT_EVENT;
import static io.zhibu.db.Tables.SUPERVISION_RUN;
import static io.zhibu.db.Tables.WARNING_SWEEP;
import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.shared.jobs.JobNode;
import io.zhibu.shared.jobs.JobRecovery;
import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.WebSession;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 19, point 2: the full rollup rebuild works through the API and the admin page and is audited (it answered
 * 500: IllegalTransactionStateException); runs left RUNNING by a node that stopped — rollup rebuild, warning sweep,
 * dues issue, roster import — are marked FAILED at start-up, the node's job locks are released, and the jobs run again.
 */
class JobRecoveryTest extends IntegrationTest {
    @Autowired
    DSLContext db;
    @Autowired
    JobRecovery recovery;
    @Autowired
    JobNode node;

    private static String waitFor(Api admin, String path, String... pending) throws InterruptedException {
        String status = null;
        for (int i = 0; i < 600; i++) {
            status = admin.get(path).at("/status").asText();
            if (!java.util.List.of(pending).contains(status)) {
                return status;
            }
            Thread.sleep(250);
        }
        return status;
    }

    @Test
    void theFullRebuildWorksThroughTheApiAndIsAudited() throws Exception {
        Api admin = as("admin");
        long audits = db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("supervision.rebuild"));
        Api.Response r = admin.post("/api/v1/supervision/rollups/rebuild", "");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        long id = r.at("/id").asLong();
        assertThat(waitFor(admin, "/api/v1/supervision/rollups/runs/" + id, "RUNNING", "QUEUED")).isEqualTo("DONE");
        assertThat(admin.get("/api/v1/supervision/rollups/runs/" + id).at("/rows").asLong()).isPositive();
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("supervision.rebuild"))).isEqualTo(audits + 1);
        Api.Response check = admin.post("/api/v1/supervision/rollups/check", "");
        assertThat(check.status()).isEqualTo(200);
        assertThat(check.json()).as("incremental = rebuild").isEmpty();
    }

    @Test
    void theFullRebuildWorksFromTheAdminPage() throws Exception {
        WebSession web = new WebSession(port, "admin", PASSWORD);
        WebSession.Page started = web.post("/supervision/rollups/rebuild", Map.of());
        assertThat(started.status()).as(started.body()).isEqualTo(302);
        assertThat(started.location()).contains("/supervision/rollups/");
        long id = Long.parseLong(started.location().replaceAll(".*/supervision/rollups/(\\d+).*", "$1"));
        assertThat(waitFor(as("admin"), "/api/v1/supervision/rollups/runs/" + id, "RUNNING", "QUEUED")).isEqualTo("DONE");
        WebSession.Page page = web.get("/supervision/rollups/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(web.get("/supervision/rollups").status()).isEqualTo(200);
    }

    @Test
    void runsLeftRunningByAStoppedNodeAreFailedAtStartUpAndTheJobsRunAgain() throws Exception {
        OffsetDateTime before = OffsetDateTime.now().minusMinutes(5);
        long rebuild = db.insertInto(SUPERVISION_RUN, SUPERVISION_RUN.KIND, SUPERVISION_RUN.STATUS,
                        SUPERVISION_RUN.STARTED_AT, SUPERVISION_RUN.STARTED_BY, SUPERVISION_RUN.NODE)
                .values("REBUILD", "RUNNING", before, "admin", node.id()).returning(SUPERVISION_RUN.ID).fetchOne().getId();
        long elsewhere = db.insertInto(SUPERVISION_RUN, SUPERVISION_RUN.KIND, SUPERVISION_RUN.STATUS,
                        SUPERVISION_RUN.STARTED_AT, SUPERVISION_RUN.STARTED_BY, SUPERVISION_RUN.NODE)
                .values("REBUILD", "RUNNING", before, "admin", "another-node").returning(SUPERVISION_RUN.ID).fetchOne().getId();
        long sweep = db.insertInto(WARNING_SWEEP, WARNING_SWEEP.ON_DATE, WARNING_SWEEP.TRIGGER_KIND,
                        WARNING_SWEEP.STARTED_BY, WARNING_SWEEP.STATUS, WARNING_SWEEP.STAGE, WARNING_SWEEP.STARTED_AT,
                        WARNING_SWEEP.NODE)
                .values(LocalDate.now(), "ADMIN", "admin", "RUNNING", "diff", before, node.id())
                .returning(WARNING_SWEEP.ID).fetchOne().getId();
        db.execute("insert into job_run (job, status, node, started_by, started_at) values"
                + " ('dues.issue', 'RUNNING', ?, 'secretary', current_timestamp),"
                + " ('roster.import', 'RUNNING', ?, 'county', current_timestamp)", node.id(), node.id());
        // the locks the dead node held: a re-run would be skipped for 30 minutes
        for (String lock : new String[] {"supervision-rollups", "warning-sweep"}) {
            db.execute("delete from shedlock where name = ?", lock);
            db.execute("insert into shedlock (name, lock_until, locked_at, locked_by) values (?, ?, ?, ?)", lock,
                    java.sql.Timestamp.valueOf(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).plusMinutes(30)),
                    java.sql.Timestamp.valueOf(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(1)), node.id());
        }

        assertThat(recovery.recover()).isGreaterThanOrEqualTo(4);

        assertThat(db.fetchValue(SUPERVISION_RUN.STATUS, SUPERVISION_RUN.ID.eq(rebuild))).isEqualTo("FAILED");
        assertThat(db.fetchValue(SUPERVISION_RUN.NOTE, SUPERVISION_RUN.ID.eq(rebuild))).contains("interrupted");
        assertThat(db.fetchValue(SUPERVISION_RUN.STATUS, SUPERVISION_RUN.ID.eq(elsewhere)))
                .as("another node's run is that node's to recover").isEqualTo("RUNNING");
        assertThat(db.fetchValue(WARNING_SWEEP.STATUS, WARNING_SWEEP.ID.eq(sweep))).isEqualTo("FAILED");
        assertThat(db.fetchValue("select count(*) from job_run where status = 'RUNNING' and node = ?", node.id()))
                .hasToString("0");
        db.execute("update supervision_run set status = 'FAILED' where id = ?", elsewhere);

        // the jobs run again at once
        Api admin = as("admin");
        long again = admin.post("/api/v1/supervision/rollups/rebuild", "").at("/id").asLong();
        assertThat(waitFor(admin, "/api/v1/supervision/rollups/runs/" + again, "RUNNING", "QUEUED")).isEqualTo("DONE");
        Api.Response sweepAgain = admin.post("/api/v1/warnings/sweeps", "");
        assertThat(sweepAgain.status()).as(sweepAgain.body()).isEqualTo(202);
        assertThat(waitFor(admin, "/api/v1/warnings/sweeps/" + sweepAgain.at("/id").asLong(), "RUNNING", "QUEUED"))
                .isEqualTo("DONE");
        assertThat(admin.post("/api/v1/supervision/rollups/check", "").json()).isEmpty();
    }

    @Test
    void aDuesIssueIsARecordedRun() {
        Api secretary = as("secretary");
        long branch = secretary.get("/api/v1/me").at("/orgId").asLong();
        long before = ((Number) db.fetchValue("select count(*) from job_run where job = 'dues.issue' and status = 'DONE'"))
                .longValue();
        Api.Response r = secretary.post("/api/v1/dues/bills/issue", "{\"period\":\"" + java.time.YearMonth.now()
                + "\",\"orgId\":" + branch + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(((Number) db.fetchValue("select count(*) from job_run where job = 'dues.issue' and status = 'DONE'"))
                .longValue()).isEqualTo(before + 1);
    }
}
