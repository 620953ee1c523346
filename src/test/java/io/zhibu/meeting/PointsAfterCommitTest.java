package io.zhibu.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.shared.jobs.EventRetries;
import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import java.time.Duration;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Issue 19, point 9: points are not part of the check-in. With the points ledger failing (its table renamed away),
 * a member's check-in still succeeds and stays; the delivery to the points listener is logged as an incomplete
 * publication and, once the ledger is back, the retry posts the attendance points exactly once.
 */
class PointsAfterCommitTest extends IntegrationTest {
    @Autowired
    DSLContext db;
    @Autowired
    EventRetries retries;

    private long incomplete() {
        return ((Number) db.fetchValue("select count(*) from event_publication where completion_date is null"
                + " and listener_id like '%PointsFactListener%'")).longValue();
    }

    private long points(String factKey) {
        return ((Number) db.fetchValue("select count(*) from points_entry where fact_key = ?", factKey)).longValue();
    }

    @Test
    void aFailingPointsListenerDoesNotRollBackACheckInAndIsRetried() {
        Api secretary = as("secretary");
        Api member = as("member");
        long branch = secretary.get("/api/v1/me").at("/orgId").asLong();
        long memberId = member.get("/api/v1/me").at("/memberId").asLong();
        String id = MeetingApiTest.plan(secretary, branch, "\"PARTY_LECTURE\"", MeetingApiTest.now().minusMinutes(10), 60,
                "积分失败时的签到");
        String code = secretary.get("/api/v1/meetings/" + id).at("/checkinCode").asText();
        String factKey = "meeting:" + id + ":member:" + memberId + ":present";
        long before = incomplete();

        db.execute("alter table points_entry rename to points_entry_off");
        Api.Response checkin;
        try {
            checkin = member.post("/api/v1/meetings/" + id + "/checkin", "{\"code\":\"" + code + "\"}");
        } finally {
            db.execute("alter table points_entry_off rename to points_entry");
        }
        assertThat(checkin.status()).as("the check-in is the member's fact: " + checkin.body()).isEqualTo(200);
        JsonNode attendees = secretary.get("/api/v1/meetings/" + id).at("/attendees");
        boolean present = false;
        for (JsonNode a : attendees) {
            present |= a.get("memberId").asLong() == memberId && "PRESENT".equals(a.path("status").asText());
        }
        assertThat(present).as("the check-in stayed: " + attendees).isTrue();
        assertThat(points(factKey)).as("points failed").isZero();
        assertThat(incomplete()).as("the failed delivery is logged").isEqualTo(before + 1);

        retries.retry(Duration.ZERO);

        assertThat(points(factKey)).as("the retry posted the points").isEqualTo(1);
        assertThat(incomplete()).isEqualTo(before);
        retries.retry(Duration.ZERO);
        assertThat(points(factKey)).as("never twice").isEqualTo(1);
    }
}
