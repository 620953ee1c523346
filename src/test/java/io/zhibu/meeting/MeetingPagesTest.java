package io.zhibu.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.WebSession;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Meeting pages render for each role and show bad input inline, changing nothing. */
class MeetingPagesTest extends IntegrationTest {
    @Test
    void pagesRenderForSecretaryMemberAndSuperior() {
        Api api = as("secretary");
        long branch = api.get("/api/v1/me").at("/orgId").asLong();
        String id = MeetingApiTest.plan(api, branch, "\"THEME_DAY\"", MeetingApiTest.now().minusMinutes(1), 60, "主题党日页面");
        WebSession secretary = new WebSession(port, "secretary", PASSWORD);
        assertThat(secretary.get("/meetings").body()).contains("主题党日页面");
        assertThat(secretary.get("/meetings/new").body()).contains("type-COMMITTEE");
        String detail = secretary.get("/meetings/" + id).body();
        assertThat(detail).contains("checkin-code", "theme-day", "minutes-form", "checkin-qr");
        WebSession.Page qr = secretary.get("/meetings/" + id + "/qr.svg");
        assertThat(qr.status()).isEqualTo(200);
        assertThat(qr.body()).startsWith("<svg");
        assertThat(secretary.get("/meetings/calendar").body()).contains("calendar-table");
        assertThat(secretary.get("/meetings/compliance").body()).contains("compliance-table", "rate-total");
        assertThat(secretary.get("/meetings/evaluations").status()).isEqualTo(200);

        WebSession member = new WebSession(port, "member", PASSWORD);
        assertThat(member.get("/meetings").location()).endsWith("/meetings/my");
        assertThat(member.get("/meetings/my").body()).contains("主题党日页面", "my-rate");
        String mine = member.get("/meetings/" + id + "?code=123456").body();
        assertThat(mine).contains("checkin-submit", "value=\"123456\"").doesNotContain("checkin-code");
        assertThat(member.get("/meetings/compliance").status()).isEqualTo(403);

        WebSession township = new WebSession(port, "township", PASSWORD);
        String c = township.get("/meetings/compliance").body();
        assertThat(c).contains("compliance-children", "rate-total");
        String read = township.get("/meetings/" + id).body();
        assertThat(read).contains("主题党日页面").doesNotContain("minutes-form", "meeting-lock", "checkin-code");
        assertThat(township.get("/meetings/new").status()).isEqualTo(403);
    }

    /** Issue 16: the secretary marks the whole list and saves once; an invalid line changes nothing. */
    @Test
    void bulkAttendanceSavesTheWholeListAtOnce() {
        Api api = as("secretary");
        long branch = api.get("/api/v1/me").at("/orgId").asLong();
        String id = MeetingApiTest.plan(api, branch, "\"BRANCH_ASSEMBLY\"", MeetingApiTest.now().minusMinutes(5), 60, "批量出勤");
        tools.jackson.databind.JsonNode attendees = api.get("/api/v1/meetings/" + id).at("/attendees");
        assertThat(attendees.size()).isGreaterThanOrEqualTo(2);
        WebSession secretary = new WebSession(port, "secretary", PASSWORD);
        assertThat(secretary.get("/meetings/" + id).body()).contains("attendance-form", "all-present", "attendance-save-all");

        // one line invalid (leave without a reason): nothing is saved, the error names the member
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        attendees.forEach(a -> bad.put("status_" + a.get("id").asText(), "PRESENT"));
        String firstId = attendees.get(0).get("id").asText();
        bad.put("status_" + firstId, "LEAVE");
        WebSession.Page refused = secretary.post("/meetings/" + id + "/attendance", bad);
        assertThat(refused.status()).isEqualTo(302);
        assertThat(api.get("/api/v1/meetings/" + id).at("/attendees").findValuesAsString("status")).doesNotContain("PRESENT", "LEAVE");
        String shown = secretary.get("/meetings/" + id).body();
        assertThat(shown).contains(attendees.get(0).get("name").asText() + ": leave needs a reason");

        // the whole list present, one save
        Map<String, String> all = new java.util.LinkedHashMap<>();
        attendees.forEach(a -> all.put("status_" + a.get("id").asText(), "PRESENT"));
        all.put("status_" + firstId, "LEAVE");
        all.put("reason_" + firstId, "出差");
        assertThat(secretary.post("/meetings/" + id + "/attendance", all).status()).isEqualTo(302);
        tools.jackson.databind.JsonNode after = api.get("/api/v1/meetings/" + id).at("/attendees");
        for (tools.jackson.databind.JsonNode a : after) {
            assertThat(a.get("status").asText()).as(a.get("name").asText())
                    .isEqualTo(a.get("id").asText().equals(firstId) ? "LEAVE" : "PRESENT");
        }
        assertThat(secretary.get("/meetings/" + id).body()).contains("Attendance saved");
    }

    private static Map<String, String> form(String... kv) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void badInputIsShownInlineAndNothingChanges() {
        Api api = as("secretary");
        long branch = api.get("/api/v1/me").at("/orgId").asLong();
        WebSession secretary = new WebSession(port, "secretary", PASSWORD);
        WebSession.Page plan = secretary.post("/meetings", Map.of("orgId", "" + branch, "title", "",
                "startsAt", "2030-01-01T10:00", "endsAt", "2030-01-01T09:00", "place", "x"));
        assertThat(plan.status()).isEqualTo(200);
        assertThat(plan.body()).contains("form-errors", "is-invalid", "The end must be after the start");

        String id = MeetingApiTest.plan(api, branch, "\"BRANCH_ASSEMBLY\"", MeetingApiTest.now().minusMinutes(1), 60, "页面表决");
        int version = api.get("/api/v1/meetings/" + id).at("/version").asInt();
        WebSession.Page bad = secretary.post("/meetings/" + id + "/minutes", form("host", "张书记", "recorder", "李委员",
                "voteKind", "MOTION", "voteMethod", "ANONYMOUS", "votingDue", "5", "votingPresent", "4", "yes", "4", "no", "1",
                "abstain", "0", "version", "" + version));
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("minutes-errors", "more than the 4 present");
        assertThat(api.get("/api/v1/meetings/" + id).at("/version").asInt()).isEqualTo(version);

        WebSession.Page ok = secretary.post("/meetings/" + id + "/minutes", form("host", "张书记", "recorder", "李委员",
                "voteKind", "MOTION", "voteMethod", "ANONYMOUS", "votingDue", "5", "votingPresent", "4", "yes", "3", "no", "1",
                "abstain", "0", "recordedResult", "PASSED", "version", "" + version));
        assertThat(ok.status()).isEqualTo(302);
        assertThat(secretary.get("/meetings/" + id).body()).contains("Saved");
        // issue 18: a 支部党员大会 locks with an attendance record and a photo
        assertThat(api.postBytes("/api/v1/meetings/" + id + "/attachments?kind=SIGN_IN&name=sign.pdf", io.zhibu.support.TestFiles.pdf()).status()).isEqualTo(201);
        assertThat(api.postBytes("/api/v1/meetings/" + id + "/attachments?kind=PHOTO&name=photo.jpg", io.zhibu.support.TestFiles.jpeg()).status()).isEqualTo(201);
        assertThat(secretary.post("/meetings/" + id + "/lock", Map.of()).status()).isEqualTo(302);
        assertThat(secretary.get("/meetings/" + id).body()).contains("Minutes locked");
        WebSession.Page again = secretary.post("/meetings/" + id + "/minutes", Map.of("host", "王", "version", "" + (version + 2)));
        assertThat(again.status()).isEqualTo(302);
        String after = secretary.get("/meetings/" + id).body();
        assertThat(after).contains("The minutes are locked", "张书记", "locked-info");
    }
}
