package io.zhibu.serving.internal;

import static io.zhibu.db.Tables.POINTS_ENTRY;
import static io.zhibu.db.Tables.SERVING_ACTIVITY;
import static io.zhibu.db.Tables.SERVING_NEED;
import static io.zhibu.db.Tables.SERVING_REPORT;
import static io.zhibu.db.Tables.SERVING_SIGNUP;
import static io.zhibu.db.Tables.SERVING_TALK;
import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.serving.ReportStatus;
import io.zhibu.shared.demo.LivedYear;
import io.zhibu.support.IntegrationTest;
import java.time.LocalDate;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The demo's lived year of 双报到, activities and care, on a street committee of the demo county (its communities and 机关). */
class ServingLivedYearTest extends IntegrationTest {
    @Autowired
    ServingLivedYear livedYear;
    @Autowired
    DSLContext db;

    @Test
    void aStreetLivesAYearOfServing() {
        JsonNode street = null;
        for (JsonNode o : as("admin").get("/api/v1/orgs?type=COMMITTEE&limit=500").json()) {
            if (o.get("domain").asText().equals("COMMUNITY")) {
                street = o;
                break;
            }
        }
        assertThat(street).as("the demo county has a street committee").isNotNull();
        String path = street.get("path").asText();
        LivedYear.Region region = new LivedYear.Region(street.get("id").asLong(), path, LocalDate.now(), 7, 12);
        long rows = livedYear.generate(region);
        assertThat(rows).isPositive();
        var inStreet = SERVING_REPORT.UNIT_ORG_PATH.startsWith(path);
        assertThat(db.fetchCount(SERVING_REPORT, inStreet.and(SERVING_REPORT.STATUS.eq(ReportStatus.CONFIRMED)))).isPositive();
        assertThat(db.fetchCount(SERVING_REPORT, inStreet.and(SERVING_REPORT.DECIDED_ON.lt(SERVING_REPORT.FILED_AT.cast(LocalDate.class)))))
                .as("decided after filing").isZero();
        assertThat(db.fetchCount(SERVING_NEED, SERVING_NEED.COMMUNITY_ORG_PATH.startsWith(path))).isPositive();
        assertThat(db.fetchCount(SERVING_SIGNUP, SERVING_SIGNUP.COMMUNITY_ORG_PATH.startsWith(path))).isPositive();
        assertThat(db.fetchCount(SERVING_ACTIVITY, SERVING_ACTIVITY.ORG_PATH.startsWith(path))).isPositive();
        assertThat(db.fetchCount(SERVING_TALK, SERVING_TALK.ORG_PATH.startsWith(path))).isPositive();
        assertThat(db.fetchCount(POINTS_ENTRY, POINTS_ENTRY.LINK_TYPE.eq("serving-signup").and(POINTS_ENTRY.ORG_PATH.startsWith(path))))
                .as("services posted to points").isPositive();
        assertThat(db.fetchCount(io.zhibu.db.Tables.SERVING_DESIGNATION, io.zhibu.db.Tables.SERVING_DESIGNATION.ORG_PATH.startsWith(path)))
                .as("亮身份 designations").isPositive();
        // paid applications have payments equal to the approved amount, never more
        var aid = io.zhibu.db.Tables.SERVING_AID;
        var pay = io.zhibu.db.Tables.SERVING_AID_PAYMENT;
        assertThat(db.fetchCount(db.select(aid.ID).from(aid).join(pay).on(pay.AID_ID.eq(aid.ID))
                .where(aid.ORG_PATH.startsWith(path)).and(pay.AMOUNT.gt(aid.AMOUNT_APPROVED)))).isZero();
    }
}
