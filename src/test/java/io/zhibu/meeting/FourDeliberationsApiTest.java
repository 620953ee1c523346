package io.zhibu.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.supervision.Rollups;
import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.WebSession;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** 四议两公开 (rules.md §1.5, issue 18 point 3): one matter, six ordered steps, the rate on the dashboard. */
class FourDeliberationsApiTest extends IntegrationTest {
    @Autowired
    Rollups rollups;

    private static String step(String step, LocalDate on, String evidence) {
        return "{\"step\":\"" + step + "\",\"heldOn\":\"" + on + "\",\"evidence\":" + Api.quote(evidence) + "}";
    }

    @Test
    @DisplayName("a village matter goes through its six steps in order; out of order, back-dated or foreign meetings are refused")
    void sixOrderedSteps() {
        Api secretary = as("secretary");
        long village = secretary.get("/api/v1/me").at("/orgId").asLong();
        LocalDate today = LocalDate.now(MeetingApiTest.ZONE);

        Api.Response bad = secretary.post("/api/v1/deliberations", "{\"orgId\":" + village + ",\"title\":\" \"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"title\"");

        Api.Response opened = secretary.post("/api/v1/deliberations", "{\"orgId\":" + village
                + ",\"title\":\"村内道路硬化工程（测试）\",\"summary\":\"硬化主干道 1.2 公里\"}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        long id = opened.at("/id").asLong();
        assertThat(opened.at("/status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(opened.at("/next").asText()).isEqualTo("PROPOSE");

        // out of order: naming the step, nothing recorded
        Api.Response skipped = secretary.post("/api/v1/deliberations/" + id + "/steps", step("REVIEW", today, "党员大会"));
        assertThat(skipped.status()).isEqualTo(400);
        assertThat(skipped.body()).contains("\"step\"");
        assertThat(secretary.get("/api/v1/deliberations/" + id).at("/steps").size()).isZero();

        // a committee meeting of the village stands for the proposal
        LocalDateTime start = LocalDateTime.now(MeetingApiTest.ZONE).minusHours(2).truncatedTo(ChronoUnit.MINUTES);
        Api.Response meeting = secretary.post("/api/v1/meetings", "{\"orgId\":" + village + ",\"types\":[\"COMMITTEE\"],"
                + "\"title\":\"支委会：研究道路硬化\",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plusHours(1)
                + "\",\"place\":\"村委会\"}");
        assertThat(meeting.status()).as(meeting.body()).isEqualTo(201);
        Api.Response proposed = secretary.post("/api/v1/deliberations/" + id + "/steps",
                "{\"step\":\"PROPOSE\",\"meetingId\":" + meeting.at("/id").asLong() + "}");
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(200);
        assertThat(proposed.at("/steps/0/meetingId").asLong()).isEqualTo(meeting.at("/id").asLong());
        assertThat(proposed.at("/startedOn").asText()).isEqualTo(start.toLocalDate().toString());

        // a meeting of the wrong kind or of another village is refused, naming meetingId
        Api.Response wrongKind = secretary.post("/api/v1/deliberations/" + id + "/steps",
                "{\"step\":\"CONSULT\",\"meetingId\":" + meeting.at("/id").asLong() + "}");
        assertThat(wrongKind.status()).isEqualTo(400);
        assertThat(wrongKind.body()).contains("\"meetingId\"");
        // back-dated before the proposal, or in the future
        Api.Response early = secretary.post("/api/v1/deliberations/" + id + "/steps",
                step("CONSULT", start.toLocalDate().minusDays(1), "两委联席会"));
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.body()).contains("\"heldOn\"");
        Api.Response noEvidence = secretary.post("/api/v1/deliberations/" + id + "/steps", step("CONSULT", today, ""));
        assertThat(noEvidence.status()).isEqualTo(400);
        assertThat(noEvidence.body()).contains("\"evidence\"");

        // a photo of a step not recorded yet is refused naming the step (issue 18 point 3)
        Api.Response early2 = secretary.multipart("/api/v1/deliberations/" + id + "/steps/REVIEW/photos", "p.png",
                io.zhibu.support.TestFiles.png());
        assertThat(early2.status()).isEqualTo(400);
        assertThat(early2.body()).contains("\"step\"");
        for (String s : new String[] {"CONSULT", "REVIEW", "RESOLVE", "PUBLISH_RESOLUTION", "PUBLISH_RESULT"}) {
            Api.Response r = secretary.post("/api/v1/deliberations/" + id + "/steps", step(s, today, s + " 依据"));
            assertThat(r.status()).as(s + ": " + r.body()).isEqualTo(200);
        }
        // photos on a recorded step (issue 18 point 3): a step not yet recorded is refused naming it; a non-image naming the file
        assertThat(secretary.multipart("/api/v1/deliberations/" + id + "/steps/REVIEW/photos", "x.png",
                "<html>".getBytes(java.nio.charset.StandardCharsets.UTF_8)).body()).contains("\"file\"");
        Api.Response photo = secretary.multipart("/api/v1/deliberations/" + id + "/steps/REVIEW/photos", "党员大会.png",
                io.zhibu.support.TestFiles.png());
        assertThat(photo.status()).as(photo.body()).isEqualTo(201);
        JsonNode review = null;
        for (JsonNode st : photo.json().get("steps")) {
            if ("REVIEW".equals(st.get("step").asText())) {
                review = st;
            }
        }
        assertThat(review.get("photos").size()).isEqualTo(1);
        assertThat(as("township").bytes("/api/v1/deliberations/" + id + "/photos/" + review.at("/photos/0/id").asLong()))
                .isEqualTo(io.zhibu.support.TestFiles.png());
        assertThat(new WebSession(port, "secretary", PASSWORD).get("/meetings/deliberations/" + id).body())
                .contains("step-photos", "/api/v1/deliberations/" + id + "/photos/").doesNotContain("deliberation.photo");
        JsonNode done = secretary.get("/api/v1/deliberations/" + id).json();
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.get("steps").size()).isEqualTo(6);
        assertThat(done.path("next").isMissingNode() || done.path("next").isNull()).isTrue();
        Api.Response seventh = secretary.post("/api/v1/deliberations/" + id + "/steps", step("PUBLISH_RESULT", today, "再次"));
        assertThat(seventh.status()).isEqualTo(400);

        // the rate of the village and of the township's subtree
        Api township = as("township");
        JsonNode rates = township.get("/api/v1/deliberations/rates?year=" + start.getYear()).json();
        assertThat(rates.at("/total/completed").asLong()).isPositive();
        assertThat(rates.at("/villages").toString()).contains("\"orgId\":" + village);

        // the supervision dashboard shows it, through the rollups
        rollups.applyPending();
        JsonNode dash = township.get("/api/v1/supervision/dashboard?period=" + start.getYear()).json();
        assertThat(dash.at("/figures/deliberation.completed").asLong()).isPositive();
        assertThat(dash.at("/figures/deliberation.started").asLong()).isGreaterThanOrEqualTo(dash.at("/figures/deliberation.completed").asLong());
        String page = new WebSession(port, "township", PASSWORD).get("/supervision?period=" + start.getYear()).body();
        assertThat(page).contains("stat-deliberation-rate");
        // issue 18 point 6: the rate per child organization in the children table (the village is the township's child)
        int row = page.indexOf("data-org=\"" + village + "\"");
        assertThat(row).as("the village's row in the children table").isPositive();
        String cells = page.substring(row, page.indexOf("</tr>", row));
        assertThat(cells).contains("deliberation-rate");
        assertThat(cells.substring(cells.indexOf("deliberation-rate"))).containsPattern(">\\d+\\.\\d%<");

        // audited
        Api.Response audit = as("auditor").get("/api/v1/audit?action=deliberation.step&actor=secretary&size=5");
        assertThat(audit.at("/items/0/targetId").asText()).isEqualTo(String.valueOf(id));
    }

    @Test
    @DisplayName("only village organizations hold matters; members and township staff read but cannot record")
    void villagesOnlyAndSecretariesWrite() {
        Api admin = as("admin");
        long township = as("township").get("/api/v1/me").at("/orgId").asLong();
        Api.Response notVillage = admin.post("/api/v1/deliberations", "{\"orgId\":" + township + ",\"title\":\"乡镇事项\"}");
        assertThat(notVillage.status()).isEqualTo(400);
        assertThat(notVillage.body()).contains("\"orgId\"");
        long village = as("secretary").get("/api/v1/me").at("/orgId").asLong();
        assertThat(as("township").post("/api/v1/deliberations", "{\"orgId\":" + village + ",\"title\":\"x\"}").status())
                .isEqualTo(403);
        // members read their village's matters (they are public to villagers) but record nothing
        assertThat(as("member").get("/api/v1/deliberations").status()).isEqualTo(200);
        assertThat(as("member").post("/api/v1/deliberations", "{\"orgId\":" + village + ",\"title\":\"x\"}").status())
                .isEqualTo(403);
    }

    @Test
    @DisplayName("the pages: the list with the rate and a new matter, the matter with its next step")
    void pages() {
        WebSession web = new WebSession(port, "secretary", PASSWORD);
        long village = as("secretary").get("/api/v1/me").at("/orgId").asLong();
        WebSession.Page list = web.get("/meetings/deliberations");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("deliberation-rate").contains("matter-new");
        WebSession.Page created = web.post("/meetings/deliberations", Map.of("orgId", String.valueOf(village),
                "title", "村文化广场建设（页面）"));
        assertThat(created.status()).isEqualTo(302);
        WebSession.Page detail = web.get(created.location().replaceFirst("^https?://[^/]+", ""));
        assertThat(detail.body()).contains("村文化广场建设（页面）").contains("step-form");
        String path = created.location().replaceFirst("^https?://[^/]+", "");
        WebSession.Page refused = web.post(path + "/steps", Map.of("step", "PROPOSE", "heldOn", "", "evidence", "支委会"));
        assertThat(refused.status()).isEqualTo(302);
        assertThat(web.get(path).body()).contains("is-invalid");
        WebSession.Page ok = web.post(path + "/steps", Map.of("step", "PROPOSE",
                "heldOn", LocalDate.now(MeetingApiTest.ZONE).toString(), "evidence", "支委会研究提出"));
        assertThat(ok.status()).isEqualTo(302);
        assertThat(web.get(path).body()).contains("支委会研究提出");
    }
}
