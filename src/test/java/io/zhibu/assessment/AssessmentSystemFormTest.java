package io.zhibu.assessment;

import static io.zhibu.db.Tables.ASSESSMENT_SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.WebSession;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The form-based standard system editor (page level): the form shows the tree, a save writes a new version through
 * the service's validation, and bad input (points not adding up, tier gap, unknown fact, a non-number) is listed
 * with nothing saved. Also: the weak-and-lax and survey pages are reachable from the menu and the assessment page.
 */
class AssessmentSystemFormTest extends IntegrationTest {
    @Autowired
    DSLContext db;

    /** The form fields of a system as the editor names them. */
    static Map<String, String> formOf(JsonNode s) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("code", s.get("code").asText());
        f.put("name", s.get("name").asText());
        f.put("domain", s.get("domain").asText());
        f.put("total", s.get("total").asText());
        f.put("note", s.path("note").isNull() ? "" : s.path("note").asText(""));
        int a = 0;
        for (JsonNode asp : s.get("aspects")) {
            f.put("a" + a + ".code", asp.get("code").asText());
            f.put("a" + a + ".name", asp.get("name").asText());
            int st = 0;
            for (JsonNode std : asp.get("standards")) {
                String sp = "a" + a + ".s" + st;
                f.put(sp + ".code", std.get("code").asText());
                f.put(sp + ".name", std.get("name").asText());
                int i = 0;
                for (JsonNode it : std.get("items")) {
                    String ip = sp + ".i" + i;
                    for (String k : new String[] {"code", "name", "points", "mode", "fact", "fullAt", "zeroAt", "guidance"}) {
                        f.put(ip + "." + k, it.path(k).isNull() || it.path(k).isMissingNode() ? "" : it.get(k).asText());
                    }
                    i++;
                }
                st++;
            }
            a++;
        }
        int v = 0;
        for (JsonNode x : s.get("vetoes")) {
            for (String k : new String[] {"code", "name", "fact", "op", "threshold"}) {
                f.put("v" + v + "." + k, x.path(k).isNull() || x.path(k).isMissingNode() ? "" : x.get(k).asText());
            }
            v++;
        }
        int t = 0;
        for (JsonNode x : s.get("tiers")) {
            f.put("t" + t + ".stars", x.get("stars").asText());
            f.put("t" + t + ".label", x.path("label").asText(""));
            f.put("t" + t + ".min", x.get("min").asText());
            f.put("t" + t + ".below", x.path("below").isNull() ? "" : x.path("below").asText(""));
            f.put("t" + t + ".quota", x.path("quotaPct").isNull() ? "" : x.path("quotaPct").asText(""));
            t++;
        }
        return f;
    }

    /** The form key of the item with this code. */
    static String itemKey(Map<String, String> form, String code) {
        return form.entrySet().stream().filter(e -> e.getKey().endsWith(".code") && e.getKey().contains(".i")
                && e.getValue().equals(code)).map(e -> e.getKey().substring(0, e.getKey().length() - ".code".length()))
                .findFirst().orElseThrow();
    }

    @Test
    void editsThroughTheFormAndRefusesBadInput() {
        Api township = as("township");
        JsonNode preset = township.get("/api/v1/assessment/presets/qingshen-6x").json();
        String code = "FORM-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response saved = township.post("/api/v1/assessment/systems", "{\"year\":" + (LocalDate.now().getYear() + 40)
                + ",\"system\":" + preset.toString().replace("\"QS-6X\"", Api.quote(code)) + "}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        long id = saved.at("/summary/id").asLong();
        JsonNode system = township.get("/api/v1/assessment/systems/" + id).json().get("system");

        WebSession web = new WebSession(port, "township", PASSWORD);
        WebSession.Page page = web.get("/assessment/systems/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"system-form\"").contains("name=\"a0.s0.i0.points\"")
                .contains("id=\"tpl-item\"").contains("name=\"ZBPREFIX.points\"").contains("meeting.three_one_rate")
                .contains("id=\"system-json\""); // the JSON view stays as the advanced option

        Map<String, String> form = formOf(system);
        int before = db.fetchCount(ASSESSMENT_SYSTEM);
        // points do not add up: 400, listed, nothing saved
        String b1a = itemKey(form, "B1a");
        Map<String, String> sum = new LinkedHashMap<>(form);
        sum.put(b1a + ".points", "11");
        WebSession.Page bad = web.post("/assessment/systems/" + id + "/form", sum);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"form-errors\"").contains("Item points add up to 101, not to the total 100");
        assertThat(bad.body()).contains("value=\"11\""); // the user's edit is kept in the form
        // a gap between tiers, an unknown fact and a non-number, all listed at once
        Map<String, String> many = new LinkedHashMap<>(form);
        many.put("t1.below", "94");
        many.put(b1a + ".fact", "nope.fact");
        many.put(itemKey(form, "B1b") + ".points", "abc");
        WebSession.Page worse = web.post("/assessment/systems/" + id + "/form", many);
        assertThat(worse.status()).isEqualTo(400);
        assertThat(worse.body()).contains("Gap between star tiers").contains("Unknown platform fact: nope.fact")
                .contains("Not a valid number: abc");
        assertThat(db.fetchCount(ASSESSMENT_SYSTEM)).isEqualTo(before);

        // a good edit: one point of B1a moved to a judged item in a new standard → version 2
        Map<String, String> good = new LinkedHashMap<>(form);
        good.put(b1a + ".points", "9");
        good.put("a0.s99.code", "B9");
        good.put("a0.s99.name", "新增标准");
        good.put("a0.s99.i0.code", "B9a");
        good.put("a0.s99.i0.name", "新增人工评分项");
        good.put("a0.s99.i0.points", "1");
        good.put("a0.s99.i0.mode", "JUDGED");
        good.put("a0.s99.i0.fact", "meeting.three_one_rate"); // ignored for judged items
        WebSession.Page ok = web.post("/assessment/systems/" + id + "/form", good);
        assertThat(ok.status()).as(ok.body()).isEqualTo(302);
        long v2 = Long.parseLong(ok.location().replaceAll(".*/systems/(\\d+).*", "$1"));
        JsonNode after = township.get("/api/v1/assessment/systems/" + v2).json();
        assertThat(after.at("/summary/versionNo").asInt()).isEqualTo(2);
        assertThat(after.at("/summary/code").asText()).isEqualTo(code);
        JsonNode b9a = null;
        JsonNode b1aNode = null;
        for (JsonNode asp : after.at("/system/aspects")) {
            for (JsonNode std : asp.get("standards")) {
                for (JsonNode it : std.get("items")) {
                    if (it.get("code").asText().equals("B9a")) {
                        b9a = it;
                    } else if (it.get("code").asText().equals("B1a")) {
                        b1aNode = it;
                    }
                }
            }
        }
        assertThat(b9a).isNotNull();
        assertThat(b9a.get("mode").asText()).isEqualTo("JUDGED");
        assertThat(b9a.path("fact").isNull() || b9a.path("fact").isMissingNode()).isTrue();
        assertThat(b1aNode.get("points").decimalValue()).isEqualByComparingTo("9");
        assertThat(after.at("/system/vetoes").size()).isEqualTo(system.get("vetoes").size());
        assertThat(after.at("/system/tiers").size()).isEqualTo(3);
        assertThat(db.fetchCount(ASSESSMENT_SYSTEM)).isEqualTo(before + 1);

        // only organization departments edit
        WebSession secretary = new WebSession(port, "secretary", PASSWORD);
        assertThat(secretary.post("/assessment/systems/" + id + "/form", good).status()).isIn(403, 404);
    }

    @Test
    void weakAndSurveyPagesAreInTheMenu() {
        WebSession web = new WebSession(port, "township", PASSWORD);
        WebSession.Page home = web.get("/assessment");
        assertThat(home.body()).contains("id=\"nav-assessment-weak\"").contains("id=\"nav-assessment-surveys\"")
                .contains("id=\"link-weak\"").contains("id=\"link-surveys\"");
        assertThat(web.get("/assessment/weak").body()).contains("id=\"assessment-sections\"");
        assertThat(web.get("/assessment/surveys").body()).contains("id=\"assessment-sections\"");
    }
}
