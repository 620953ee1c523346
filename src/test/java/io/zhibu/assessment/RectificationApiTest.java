package io.zhibu.assessment;

import static io.zhibu.db.Tables.ASSESSMENT_SURVEY_ANSWER;
import static io.zhibu.db.Tables.ASSESSMENT_WEAK;
import static io.zhibu.db.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.DemoFacts;
import io.zhibu.support.IntegrationTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * 软弱涣散 designate → plan → progress → lift, and a three-rate survey: anonymous answers, a second answer, the rates,
 * the veto (H2 by default, PostgreSQL with -Dzhibu.test.db=postgres).
 */
class RectificationApiTest extends IntegrationTest {
    private static final String API = "/api/v1/assessment";
    @Autowired
    DSLContext db;

    Api township;
    Api secretary;
    DemoFacts facts;

    @BeforeEach
    void setUp() {
        township = as("township");
        secretary = as("secretary");
        facts = DemoFacts.discover(as("admin"), secretary, township);
    }

    private static String answer(String respondent, int satisfaction, boolean aware, boolean tookPart) {
        return "{\"respondent\":" + Api.quote(respondent) + ",\"audienceKind\":\"PUBLIC\",\"satisfaction\":" + satisfaction
                + ",\"aware\":" + aware + ",\"tookPart\":" + tookPart + "}";
    }

    @Test
    void surveyAnswersRatesAndVeto() throws Exception {
        int year = LocalDate.now().getYear() + 11;
        String open = "{\"orgId\":" + facts.ownBranchId() + ",\"title\":\"三率测评\",\"audience\":10,\"year\":" + year + "}";
        assertThat(secretary.post(API + "/surveys", open).status()).isEqualTo(403);
        assertThat(township.post(API + "/surveys", open.replace("\"audience\":10", "\"audience\":0")).status()).isEqualTo(400);
        Api.Response opened = township.post(API + "/surveys", open);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        long id = opened.at("/id").asLong();
        String token = opened.at("/token").asText();
        assertThat(opened.at("/rates/answers").asInt()).isZero();
        assertThat(opened.at("/rates/satisfaction").isNumber()).isFalse();

        // one-time tickets (issue 19): the superior issues them; only their keyed hashes are stored
        assertThat(secretary.post(API + "/surveys/" + id + "/tickets", "{\"publicCount\":6}").status()).isEqualTo(403);
        Api.Response issued = township.post(API + "/surveys/" + id + "/tickets", "{\"members\":false,\"publicCount\":6}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String[] who = new String[6];
        for (int i = 0; i < 6; i++) {
            who[i] = issued.json().get(i).get("ticket").asText();
        }
        // anonymous answers without login: 1 满意, 1 基本满意, 3 不满意 → 40% (veto)
        Api anonymous = api();
        String path = "/survey/" + token + "/answers";
        for (int i = 0; i < 5; i++) {
            Api.Response a = anonymous.post(path, answer(who[i], i == 0 ? 2 : i == 1 ? 1 : 0, i < 4, i < 2));
            assertThat(a.status()).as(a.body()).isEqualTo(201);
        }
        Api.Response again = anonymous.post(path, answer(who[2], 2, true, true));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("already answered");
        // a ticket the client invents is refused: 40 forged answers cannot move the rate
        for (int i = 0; i < 40; i++) {
            Api.Response forged = anonymous.post(path, answer("respondent-" + UUID.randomUUID(), 0, false, false));
            assertThat(forged.status()).isEqualTo(400);
            assertThat(forged.at("/errors/0/field").asText()).isEqualTo("respondent");
        }
        assertThat(anonymous.post(path, answer(who[5], 5, true, true)).status()).isEqualTo(400);
        assertThat(anonymous.post("/survey/nope/answers", answer(who[5], 1, true, true)).status()).isEqualTo(404);
        // no identity, only a keyed hash of the ticket
        assertThat(db.fetchCount(ASSESSMENT_SURVEY_ANSWER, ASSESSMENT_SURVEY_ANSWER.SURVEY_ID.eq(id))).isEqualTo(5);
        for (String h : db.select(ASSESSMENT_SURVEY_ANSWER.RESPONDENT_HASH).from(ASSESSMENT_SURVEY_ANSWER)
                .where(ASSESSMENT_SURVEY_ANSWER.SURVEY_ID.eq(id)).fetch(ASSESSMENT_SURVEY_ANSWER.RESPONDENT_HASH)) {
            assertThat(h).hasSize(64);
            for (String t : who) {
                assertThat(h).doesNotContain(t);
            }
        }

        JsonNode r = township.get(API + "/surveys/" + id).json().get("rates");
        assertThat(r.get("answers").asInt()).isEqualTo(5);
        assertThat(r.get("satisfaction").decimalValue()).isEqualByComparingTo("40.0");
        assertThat(r.get("awareness").decimalValue()).isEqualByComparingTo("80.0");
        assertThat(r.get("participation").decimalValue()).isEqualByComparingTo("40.0");
        assertThat(r.get("response").decimalValue()).isEqualByComparingTo("50.0");
        // the branch sees its own survey
        assertThat(secretary.get(API + "/surveys/" + id).status()).isEqualTo(200);

        // the public page works without login; the same browser answering twice gets a clear 409
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://localhost:" + port + "/survey/" + token;
        HttpResponse<String> noTicket = browser.send(HttpRequest.newBuilder(URI.create(base)).header("Accept-Language", "en").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(noTicket.body()).contains("survey-no-ticket").doesNotContain("answer-form");
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(base + "?t=" + who[5])).header("Accept-Language", "en").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("三率测评").contains("answer-form");
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).isTrue();
        String form = "ticket=" + who[5] + "&aware=true&tookPart=true&satisfaction=2&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpRequest post = HttpRequest.newBuilder(URI.create(base)).header("Accept-Language", "en")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> first = browser.send(post, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("survey-thanks");
        HttpResponse<String> second = browser.send(post, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.body()).contains("already answered");
        // 3 of 6 satisfied → 50%
        assertThat(township.get(API + "/surveys/" + id).at("/rates/satisfaction").decimalValue()).isEqualByComparingTo("50.0");

        // the satisfaction feeds the veto: a Qingshen campaign of that year over the branch → V5 hit, no star
        JsonNode preset = township.get(API + "/presets/qingshen-6x").json();
        String code = "QS3R-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response sys = township.post(API + "/systems", "{\"year\":" + year + ",\"system\":"
                + preset.toString().replace("\"QS-6X\"", Api.quote(code)) + "}");
        assertThat(sys.status()).as(sys.body()).isEqualTo(201);
        Api.Response camp = township.post(API + "/campaigns", "{\"orgId\":" + facts.ownBranchId() + ",\"systemId\":"
                + sys.at("/summary/id").asLong() + ",\"name\":\"三率否决\"}");
        assertThat(camp.status()).as(camp.body()).isEqualTo(201);
        long campaign = camp.at("/id").asLong();
        JsonNode result = township.get(API + "/campaigns/" + campaign + "/results/" + facts.ownBranchId()).json();
        JsonNode v5 = null;
        for (JsonNode v : result.get("vetoes")) {
            if ("V5".equals(v.get("code").asText())) {
                v5 = v;
            }
        }
        assertThat(v5).isNotNull();
        assertThat(v5.get("hit").asBoolean()).isTrue();
        assertThat(v5.get("value").decimalValue()).isEqualByComparingTo("50.0");
        assertThat(result.get("stars").asInt()).isZero();

        // and the branch is a 软弱涣散 candidate
        JsonNode candidates = township.get(API + "/campaigns/" + campaign + "/weak-candidates").json();
        assertThat(candidates.size()).isEqualTo(1);
        assertThat(candidates.get(0).get("signals").toString()).contains("LOW_SATISFACTION", "VETO", "NO_STAR");
        assertThat(secretary.get(API + "/campaigns/" + campaign + "/weak-candidates").status()).isEqualTo(403);

        // closed: no more answers
        assertThat(secretary.post(API + "/surveys/" + id + "/close", null).status()).isEqualTo(403);
        assertThat(township.post(API + "/surveys/" + id + "/close", null).at("/status").asText()).isEqualTo("CLOSED");
        assertThat(anonymous.post(path, answer("respondent-" + UUID.randomUUID(), 2, true, true)).status()).isEqualTo(400);
        assertThat(anonymous.post(path, answer(who[3], 2, true, true)).status()).isEqualTo(409);
    }

    /** The demo data (or another test) may have designated the branch: finish that rectification first. */
    private void liftActive(long branch) {
        for (JsonNode x : secretary.get(API + "/weak?status=ACTIVE").json()) {
            if (x.get("orgId").asLong() != branch) {
                continue;
            }
            String w = API + "/weak/" + x.get("id").asLong();
            for (JsonNode t : secretary.get(w).json().get("tasks")) {
                secretary.post(w + "/progress", "{\"taskId\":" + t.get("id").asLong() + ",\"taskStatus\":\"DONE\",\"note\":\"done\"}");
            }
            if (secretary.get(w).json().get("tasks").isEmpty()) {
                township.post(w + "/tasks", "{\"title\":\"t\",\"owner\":\"o\",\"dueOn\":\"" + LocalDate.now().plusDays(1) + "\"}");
                long t = secretary.get(w).at("/tasks/0/id").asLong();
                secretary.post(w + "/progress", "{\"taskId\":" + t + ",\"taskStatus\":\"DONE\",\"note\":\"done\"}");
            }
            assertThat(township.post(w + "/review", "{\"lift\":true,\"conclusion\":\"ok\"}").status()).isEqualTo(200);
        }
    }

    @Test
    void designatePlanProgressLift() {
        long branch = facts.ownBranchId();
        liftActive(branch);
        String designate = "{\"orgId\":" + branch + ",\"signals\":[\"LAST_PLACE\"],\"reason\":\"组织生活长期不正常\"}";
        assertThat(secretary.post(API + "/weak", designate).status()).isEqualTo(403);
        int before = db.fetchCount(ASSESSMENT_WEAK);
        assertThat(township.post(API + "/weak", "{\"orgId\":" + branch + "}").status()).isEqualTo(400);
        assertThat(township.post(API + "/weak", designate.replace("LAST_PLACE", "NOPE")).status()).isEqualTo(400);
        assertThat(db.fetchCount(ASSESSMENT_WEAK)).isEqualTo(before);

        Api.Response d = township.post(API + "/weak", designate);
        assertThat(d.status()).as(d.body()).isEqualTo(201);
        long id = d.at("/id").asLong();
        assertThat(d.at("/status").asText()).isEqualTo("ACTIVE");
        assertThat(d.at("/canReview").asBoolean()).isTrue();
        assertThat(township.post(API + "/weak", designate).status()).isEqualTo(409);
        String w = API + "/weak/" + id;
        // the branch sees it, cannot review it
        JsonNode seen = secretary.get(w).json();
        assertThat(seen.get("canReview").asBoolean()).isFalse();
        assertThat(seen.get("canReport").asBoolean()).isTrue();

        // the plan: tasks with owner and deadline
        LocalDate due = LocalDate.now().plusMonths(2);
        assertThat(township.post(w + "/tasks", "{\"title\":\"配齐班子\",\"owner\":\"张书记\"}").status()).isEqualTo(400);
        Api.Response t1 = township.post(w + "/tasks", "{\"title\":\"配齐支部班子\",\"owner\":\"镇党委组织委员\",\"dueOn\":\"" + due + "\"}");
        assertThat(t1.status()).as(t1.body()).isEqualTo(200);
        Api.Response t2 = secretary.post(w + "/tasks", "{\"title\":\"恢复三会一课\",\"owner\":\"支部书记\",\"dueOn\":\"" + due + "\"}");
        assertThat(t2.at("/tasks").size()).isEqualTo(2);
        long task1 = t2.at("/tasks/0/id").asLong();
        long task2 = t2.at("/tasks/1/id").asLong();

        // lifting needs every task done
        Api.Response early = township.post(w + "/review", "{\"lift\":true,\"conclusion\":\"整改到位\"}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(township.post(w + "/review", "{\"lift\":true}").status()).isEqualTo(400);

        // the branch reports progress
        assertThat(secretary.post(w + "/progress", "{\"taskId\":" + task1 + ",\"taskStatus\":\"WRONG\",\"note\":\"x\"}").status()).isEqualTo(400);
        assertThat(secretary.post(w + "/progress", "{\"taskId\":" + task1 + ",\"taskStatus\":\"DONE\"}").status()).isEqualTo(400);
        assertThat(secretary.post(w + "/progress", "{\"note\":\"已召开专题组织生活会\"}").status()).isEqualTo(200);
        assertThat(secretary.post(w + "/progress", "{\"taskId\":" + task1 + ",\"taskStatus\":\"DONE\",\"note\":\"已选举组织委员\"}").status()).isEqualTo(200);
        Api.Response p2 = secretary.post(w + "/progress", "{\"taskId\":" + task2 + ",\"taskStatus\":\"DONE\",\"note\":\"每月按时开展\"}");
        assertThat(p2.at("/tasks/1/status").asText()).isEqualTo("DONE");

        // only the superior reviews; a review that keeps the designation, then 摘帽
        assertThat(secretary.post(w + "/review", "{\"lift\":true,\"conclusion\":\"自己摘帽\"}").status()).isEqualTo(403);
        assertThat(township.post(w + "/review", "{\"lift\":false,\"conclusion\":\"再观察一个月\"}").at("/status").asText()).isEqualTo("ACTIVE");
        Api.Response lifted = township.post(w + "/review", "{\"lift\":true,\"conclusion\":\"班子健全，组织生活正常，同意摘帽\"}");
        assertThat(lifted.status()).as(lifted.body()).isEqualTo(200);
        assertThat(lifted.at("/status").asText()).isEqualTo("LIFTED");
        assertThat(lifted.at("/conclusion").asText()).contains("同意摘帽");
        assertThat(lifted.at("/liftedBy").asText()).isEqualTo("township");
        JsonNode history = lifted.at("/history");
        assertThat(history.size()).isEqualTo(5);
        assertThat(history.get(4).get("lifted").asBoolean()).isTrue();

        // the history stays visible and read-only
        boolean found = false;
        for (JsonNode x : secretary.get(API + "/weak?status=LIFTED").json()) {
            found |= x.get("id").asLong() == id;
        }
        assertThat(found).isTrue();
        assertThat(secretary.post(w + "/progress", "{\"note\":\"还有\"}").status()).isEqualTo(409);
        assertThat(township.post(w + "/review", "{\"lift\":true,\"conclusion\":\"again\"}").status()).isEqualTo(409);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("assessment.weak.designate")
                .and(AUDIT_EVENT.TARGET_ID.eq(String.valueOf(id))).and(AUDIT_EVENT.ACTOR.eq("township")))).isEqualTo(1);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("assessment.weak.lift")
                .and(AUDIT_EVENT.TARGET_ID.eq(String.valueOf(id))))).isEqualTo(1);

        // designated again later: a new record, the old one stays
        Api.Response again = township.post(API + "/weak", designate);
        assertThat(again.status()).isEqualTo(201);
        long second = again.at("/id").asLong();
        assertThat(second).isNotEqualTo(id);
        String w2 = API + "/weak/" + second;
        township.post(w2 + "/tasks", "{\"title\":\"t\",\"owner\":\"o\",\"dueOn\":\"" + due + "\"}");
        long t = township.get(w2).at("/tasks/0/id").asLong();
        secretary.post(w2 + "/progress", "{\"taskId\":" + t + ",\"taskStatus\":\"DONE\",\"note\":\"done\"}");
        assertThat(township.post(w2 + "/review", "{\"lift\":true,\"conclusion\":\"ok\"}").at("/status").asText()).isEqualTo("LIFTED");
    }
}
