package io.zhibu.serving;

import static io.zhibu.db.Tables.SERVING_ACTIVITY;
import static io.zhibu.db.Tables.SERVING_PARTICIPATION;
import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.account.AccountService;
import io.zhibu.supervision.Rollups;
import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.WebSession;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 21 point 2: a volunteer activity with sign-up, check-in and check-out by code, hours and points credited. */
class VolunteerApiTest extends IntegrationTest {
    @Autowired
    java.time.Clock clock;
    @Autowired
    DSLContext db;
    @Autowired
    AccountService accounts;
    @Autowired
    Rollups rollups;

    @Test
    @DisplayName("the unit organizes an activity; its member signs up, checks in and out by code; the time is credited to points, the rollups and the branch fact")
    void activityWithCheckInAndOut() {
        ServingFixture f = ServingFixture.create(as("admin"), accounts, 3);
        Api unit = as(f.unitUser());
        Api member = as(f.memberUser());
        OffsetDateTime start = OffsetDateTime.now().minusHours(2).truncatedTo(ChronoUnit.MINUTES);
        OffsetDateTime end = start.plusHours(4);

        int before = db.fetchCount(SERVING_ACTIVITY);
        Api.Response bad = unit.post("/api/v1/serving/activities", "{\"orgId\":" + f.unitId() + ",\"title\":\"\",\"place\":\"x\","
                + "\"startsAt\":\"" + end + "\",\"endsAt\":\"" + start + "\",\"places\":0}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("title").contains("endsAt").contains("places");
        assertThat(db.fetchCount(SERVING_ACTIVITY)).isEqualTo(before);

        Api.Response created = unit.post("/api/v1/serving/activities", "{\"orgId\":" + f.unitId() + ",\"title\":\"文明城市志愿服务\","
                + "\"place\":\"人民广场\",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + end + "\",\"places\":10}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.at("/id").asLong();
        String code = created.at("/checkinCode").asText();
        assertThat(code).hasSize(6);

        // the member sees it without the code, signs up, checks in
        Api.Response seen = member.get("/api/v1/serving/activities/" + id);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.body()).as("the code is for organizers").doesNotContain(code);
        assertThat(member.post("/api/v1/serving/activities/" + id + "/checkin", "{\"code\":\"" + code + "\"}").status())
                .as("sign up first").isEqualTo(409);
        assertThat(member.post("/api/v1/serving/activities/" + id + "/signups", "{}").status()).isEqualTo(201);
        Api.Response wrong = member.post("/api/v1/serving/activities/" + id + "/checkin", "{\"code\":\"x" + code + "\"}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("code");
        assertThat(db.fetchOne(SERVING_PARTICIPATION, SERVING_PARTICIPATION.ACTIVITY_ID.eq(id)).getWrongCodes())
                .as("the wrong code is counted").isEqualTo(1);
        Api.Response in = member.post("/api/v1/serving/activities/" + id + "/checkin", "{\"code\":\"" + code + "\"}");
        assertThat(in.status()).as(in.body()).isEqualTo(200);
        assertThat(in.at("/mine").asText()).isEqualTo("CHECKED_IN");

        // the member arrived 90 minutes ago (the test moves the check-in back instead of waiting)
        db.update(SERVING_PARTICIPATION).set(SERVING_PARTICIPATION.CHECKED_IN_AT, OffsetDateTime.now().minusMinutes(90))
                .where(SERVING_PARTICIPATION.ACTIVITY_ID.eq(id)).execute();
        Api.Response out = member.post("/api/v1/serving/activities/" + id + "/checkout", "{\"code\":\"" + code + "\"}");
        assertThat(out.status()).as(out.body()).isEqualTo(200);
        assertThat(out.at("/mine").asText()).isEqualTo("DONE");
        assertThat(out.at("/myMinutes").asInt()).isBetween(89, 91);
        assertThat(member.post("/api/v1/serving/activities/" + id + "/checkout", "{\"code\":\"" + code + "\"}").status()).isEqualTo(409);

        // points fact, organizer's list, rollup and the member's record page
        assertThat(member.get("/api/v1/points/me").body()).contains("serving-activity");
        assertThat(unit.get("/api/v1/serving/activities/" + id).at("/participants/0/status").asText()).isEqualTo("DONE");
        rollups.applyPending();
        long minutes = as("admin").get("/api/v1/supervision/dashboard?orgId=" + f.unitId()).at("/figures/serving.minutes").asLong();
        assertThat(minutes).isGreaterThanOrEqualTo(89);
        String phone = new WebSession(port, f.memberUser(), PASSWORD).get("/serving?lang=zh_CN").body();
        assertThat(phone).contains("文明城市志愿服务").contains("已签退").doesNotContain("serving.");
        String organizer = new WebSession(port, f.unitUser(), PASSWORD).get("/serving/activities/" + id + "?lang=zh_CN").body();
        assertThat(organizer).contains(code).contains("参加党员").doesNotContain("serving.");
    }

    @Test
    @DisplayName("the organizer adds photos (checked whole, bounded); members of the activity's subtree see them; a PDF is refused and nothing is stored")
    void photos() {
        ServingFixture f = ServingFixture.create(as("admin"), accounts, 5);
        Api unit = as(f.unitUser());
        Api member = as(f.memberUser());
        OffsetDateTime start = OffsetDateTime.now().plusDays(1).truncatedTo(ChronoUnit.MINUTES);
        Api.Response created = unit.post("/api/v1/serving/activities", "{\"orgId\":" + f.unitId() + ",\"title\":\"河道清洁志愿服务\","
                + "\"place\":\"城南河道\",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plusHours(2) + "\",\"places\":10}");
        long id = created.at("/id").asLong();

        int before = db.fetchCount(io.zhibu.db.Tables.SERVING_ACTIVITY_PHOTO);
        Api.Response pdf = unit.multipart("/api/v1/serving/activities/" + id + "/photos", "x.pdf", io.zhibu.support.TestFiles.pdf());
        assertThat(pdf.status()).isEqualTo(400);
        assertThat(pdf.body()).contains("photos");
        assertThat(member.multipart("/api/v1/serving/activities/" + id + "/photos", "a.png", io.zhibu.support.TestFiles.png()).status())
                .as("members do not add photos").isEqualTo(403);
        assertThat(db.fetchCount(io.zhibu.db.Tables.SERVING_ACTIVITY_PHOTO)).isEqualTo(before);

        Api.Response added = unit.multipart("/api/v1/serving/activities/" + id + "/photos", "a.png", io.zhibu.support.TestFiles.png());
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        long photo = added.at("/photoIds/0").asLong();
        assertThat(member.get("/api/v1/serving/activities/" + id).at("/photoIds/0").asLong()).isEqualTo(photo);
        assertThat(member.bytes("/api/v1/serving/activities/" + id + "/photos/" + photo)).isEqualTo(io.zhibu.support.TestFiles.png());
        assertThat(as("township").get("/api/v1/serving/activities/" + id + "/photos/" + photo).status())
                .as("the township may not be over the unit").isIn(200, 404);
        String page = new WebSession(port, f.unitUser(), PASSWORD).get("/serving/activities/" + id + "?lang=zh_CN").body();
        assertThat(page).contains("活动照片").contains("/serving/activities/" + id + "/photos/" + photo).doesNotContain("serving.");
        // the organizer's list is paged
        JsonNodeAssert.paged(unit.get("/api/v1/serving/activities?size=1").json());
    }

    /** A page of the list: items, page, size, total. */
    static final class JsonNodeAssert {
        static void paged(tools.jackson.databind.JsonNode page) {
            assertThat(page.get("items").size()).isLessThanOrEqualTo(1);
            assertThat(page.get("total").asLong()).isPositive();
            assertThat(page.get("size").asInt()).isEqualTo(1);
        }
    }
}
