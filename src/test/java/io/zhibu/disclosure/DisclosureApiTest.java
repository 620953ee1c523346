package io.zhibu.disclosure;

import static io.zhibu.db.Tables.AUDIT_EVENT;
import static io.zhibu.db.Tables.DISCLOSURE_ITEM;
import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.supervision.Rollups;
import io.zhibu.support.Api;
import io.zhibu.support.DemoFacts;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.WebSession;
import io.zhibu.warning.WarningQuery;
import io.zhibu.warning.WarningRule;
import io.zhibu.warning.WarningViews;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Issue 21 point 5, 三务公开 end to end: obligations, bad input, publishing, the QR page, the warning, the dashboard. */
class DisclosureApiTest extends IntegrationTest {
    static final io.zhibu.shared.DataScope ADMIN = new io.zhibu.shared.DataScope(0, "disclosure-test",
            io.zhibu.shared.Role.ADMIN, null, io.zhibu.shared.OrgPath.ROOT, null, null);
    @Autowired
    DSLContext db;
    @Autowired
    Clock clock;
    @Autowired
    Rollups rollups;
    @Autowired
    io.zhibu.warning.internal.SweepEngine sweeps;
    @Autowired
    WarningQuery warnings;

    private List<WarningViews.Warning> openWarnings(long org) {
        sweeps.sweep(LocalDate.now(clock), EnumSet.of(WarningRule.DISCLOSURE_MISSING), "test");
        return warnings.list(ADMIN, new WarningViews.Filter(org, WarningRule.DISCLOSURE_MISSING.id(), null,
                WarningViews.Status.OPEN), 0, 20).items();
    }

    private static String body(String... topics) {
        StringBuilder b = new StringBuilder();
        for (String t : topics) {
            b.append(t).append("：按期落实。\\n");
        }
        return b.toString();
    }

    @Test
    @DisplayName("a village secretary publishes 党务 and a public 村务 item; members read them; the QR page opens without sign-in; the warning closes; the dashboard shows the rate")
    void villageFlow() {
        Api secretary = as("secretary");
        Api member = as("member");
        DemoFacts f = DemoFacts.discover(as("admin"), secretary, as("township"));
        long branch = f.ownBranchId();
        LocalDate today = LocalDate.now(clock);
        String q = DisclosureRules.lastOverdue(Cadence.QUARTERLY, today, 10);
        // the scope probes (same context, any order) may have published this period's items: withdraw them first
        for (Long id : db.select(DISCLOSURE_ITEM.ID).from(DISCLOSURE_ITEM).where(DISCLOSURE_ITEM.ORG_ID.eq(branch))
                .and(DISCLOSURE_ITEM.PERIOD.eq(q)).and(DISCLOSURE_ITEM.WITHDRAWN_AT.isNull()).fetch(DISCLOSURE_ITEM.ID)) {
            assertThat(secretary.post("/api/v1/disclosures/" + id + "/withdraw", "{\"reason\":\"测试前撤回\"}").status())
                    .isEqualTo(200);
        }

        JsonNode board = secretary.get("/api/v1/disclosures").json();
        assertThat(board.get("profile").asText()).isEqualTo("VILLAGE");
        assertThat(board.get("obligations")).hasSize(3);
        assertThat(board.get("canPublish").asBoolean()).isTrue();

        // bad input → 400 naming the field, nothing stored
        int before = db.fetchCount(DISCLOSURE_ITEM);
        assertThat(secretary.post("/api/v1/disclosures", "{}").body()).contains("orgId");
        Api.Response noTitle = secretary.post("/api/v1/disclosures", "{\"orgId\":" + branch
                + ",\"category\":\"PARTY\",\"period\":\"" + q + "\",\"body\":\"x\",\"audience\":\"SUBTREE\"}");
        assertThat(noTitle.status()).isEqualTo(400);
        assertThat(noTitle.body()).contains("title").contains("body");
        Api.Response badPeriod = secretary.post("/api/v1/disclosures", "{\"orgId\":" + branch
                + ",\"category\":\"PARTY\",\"period\":\"2026-11\",\"title\":\"t\",\"body\":\"" + body("组织建设", "党员发展", "党费收缴")
                + "\",\"audience\":\"SUBTREE\"}");
        assertThat(badPeriod.status()).isEqualTo(400);
        assertThat(badPeriod.body()).contains("period");
        Api.Response topics = secretary.post("/api/v1/disclosures", "{\"orgId\":" + branch
                + ",\"category\":\"PARTY\",\"period\":\"" + q + "\",\"title\":\"t\",\"body\":\"组织建设：有\",\"audience\":\"SUBTREE\"}");
        assertThat(topics.status()).isEqualTo(400);
        assertThat(topics.body()).contains("body").contains("党员发展");
        Api.Response personal = secretary.post("/api/v1/disclosures", "{\"orgId\":" + branch
                + ",\"category\":\"VILLAGE\",\"period\":\"" + q + "\",\"title\":\"t\",\"body\":\"" + body("重大事项决策", "惠民政策落实")
                + "联系人电话 13812345678\",\"audience\":\"PUBLIC\"}");
        assertThat(personal.status()).isEqualTo(400);
        assertThat(personal.body()).contains("body");
        Api.Response badEnum = secretary.post("/api/v1/disclosures", "{\"orgId\":" + branch + ",\"category\":\"NOPE\"}");
        assertThat(badEnum.status()).isEqualTo(400);
        assertThat(badEnum.body()).contains("category");
        assertThat(member.post("/api/v1/disclosures", "{\"orgId\":" + branch + ",\"category\":\"PARTY\",\"period\":\"" + q
                + "\",\"title\":\"t\",\"body\":\"" + body("组织建设", "党员发展", "党费收缴") + "\",\"audience\":\"SUBTREE\"}").status())
                .isEqualTo(403);
        assertThat(db.fetchCount(DISCLOSURE_ITEM)).isEqualTo(before);

        // the missing 党务 item of the last period is a warning
        assertThat(openWarnings(branch)).anyMatch(w -> w.detail().equals("PARTY " + q));

        String title = q + " 党务公开 " + UUID.randomUUID().toString().substring(0, 6);
        Api.Response party = secretary.post("/api/v1/disclosures", "{\"orgId\":" + branch + ",\"category\":\"PARTY\",\"period\":\""
                + q + "\",\"title\":\"" + title + "\",\"body\":\"" + body("组织建设", "党员发展", "党费收缴") + "\",\"audience\":\"SUBTREE\"}");
        assertThat(party.status()).as(party.body()).isEqualTo(201);
        long partyId = party.at("/id").asLong();
        assertThat(party.at("/publicPath").asText("")).isIn("", "null");
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("disclosure.publish")
                .and(AUDIT_EVENT.TARGET_ID.eq(String.valueOf(partyId))))).isEqualTo(1);
        assertThat(openWarnings(branch)).noneMatch(w -> w.detail().equals("PARTY " + q));

        // a member reads it on the phone (API and page)
        assertThat(member.get("/api/v1/disclosures").body()).contains(title);
        assertThat(member.get("/api/v1/disclosures/" + partyId).status()).isEqualTo(200);
        assertThat(new WebSession(port, "member", PASSWORD).get("/disclosures").body()).contains(title);
        assertThat(new WebSession(port, "member", PASSWORD).get("/").body()).contains("/disclosures").contains(title);

        // a public 村务 item: the QR page opens without sign-in and shows no publisher
        String vTitle = q + " 村务公开 " + UUID.randomUUID().toString().substring(0, 6);
        Api.Response pub = secretary.post("/api/v1/disclosures", "{\"orgId\":" + branch + ",\"category\":\"VILLAGE\",\"period\":\""
                + q + "\",\"title\":\"" + vTitle + "\",\"body\":\"" + body("重大事项决策", "惠民政策落实") + "\",\"audience\":\"PUBLIC\"}");
        assertThat(pub.status()).as(pub.body()).isEqualTo(201);
        String path = pub.at("/publicPath").asText();
        assertThat(path).startsWith("/public/disclosures/");
        String token = path.substring(path.lastIndexOf('/') + 1);
        assertThat(token).hasSize(43);
        Api.Response open = api().get(path);
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.body()).contains(vTitle).doesNotContain("secretary");
        Api.Response openApi = api().get("/api/v1/disclosures/public/" + token);
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.body()).contains(vTitle).doesNotContain("\"id\"");
        assertThat(api().get("/public/disclosures/" + "A".repeat(43)).status()).isEqualTo(404);
        assertThat(secretary.get("/disclosures/" + pub.at("/id").asLong()).status()).isNotEqualTo(500);

        // the dashboard (rollups): the township's child row of the branch shows published items of due ones
        rollups.applyPending();
        JsonNode dash = as("admin").get("/api/v1/supervision/dashboard?orgId=" + f.townshipId() + "&period=" + today.getYear()).json();
        JsonNode row = null;
        for (JsonNode c : dash.get("children")) {
            if (c.get("orgId").asLong() == branch || f.ownBranchPath().startsWith(
                    as("admin").get("/api/v1/orgs/" + c.get("orgId").asLong()).at("/path").asText())) {
                row = c;
            }
        }
        assertThat(row).as("the branch's row").isNotNull();
        assertThat(row.at("/figures/disclosure.due").asLong()).isPositive();
        assertThat(row.at("/figures/disclosure.published").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(rollups.checkNow(1000)).as("incremental equals rebuild").noneMatch(d -> d.contains("disclosure"));
        assertThat(new WebSession(port, "township", PASSWORD).get("/supervision?orgId=" + f.townshipId()).body())
                .contains("disclosure-rate");

        // withdraw: the reason is required; the QR link stops working
        long pubId = pub.at("/id").asLong();
        Api.Response noReason = secretary.post("/api/v1/disclosures/" + pubId + "/withdraw", "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        Api.Response withdrawn = secretary.post("/api/v1/disclosures/" + pubId + "/withdraw", "{\"reason\":\"数字有误，更正后重发\"}");
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.at("/status").asText()).isEqualTo("WITHDRAWN");
        assertThat(api().get(path).status()).isEqualTo(404);
        assertThat(secretary.post("/api/v1/disclosures/" + pubId + "/withdraw", "{\"reason\":\"again\"}").status()).isEqualTo(400);
    }

    @Test
    @DisplayName("a non-village branch owes 党务 only: 村务 is refused on the category; pages publish and show inline errors")
    void otherBranchAndPages() {
        Api county = as("county");
        Api township = as("township");
        DemoFacts f = DemoFacts.discover(as("admin"), as("secretary"), township);
        Api.Response created = county.post("/api/v1/orgs", "{\"parentId\":" + f.townshipId() + ",\"name\":\"公开测试联合支部"
                + UUID.randomUUID().toString().substring(0, 4) + "\",\"type\":\"JOINT_BRANCH\",\"domain\":\"NON_PUBLIC\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long org = created.at("/id").asLong();
        JsonNode board = township.get("/api/v1/disclosures?orgId=" + org).json();
        assertThat(board.get("profile").asText()).isEqualTo("OTHER");
        assertThat(board.get("obligations")).hasSize(1);
        String q = DisclosureRules.lastOverdue(Cadence.QUARTERLY, LocalDate.now(clock), 10);
        Api.Response village = township.post("/api/v1/disclosures", "{\"orgId\":" + org + ",\"category\":\"VILLAGE\",\"period\":\""
                + q + "\",\"title\":\"t\",\"body\":\"x\",\"audience\":\"SUBTREE\"}");
        assertThat(village.status()).isEqualTo(400);
        assertThat(village.body()).contains("category");

        WebSession web = new WebSession(port, "township", PASSWORD);
        assertThat(web.get("/disclosures?orgId=" + org).body()).contains("id=\"publish\"");
        WebSession.Page bad = web.post("/disclosures", Map.of("orgId", "" + org, "category", "PARTY", "period", "2026-13",
                "title", "x", "body", "x", "audience", "SUBTREE"));
        assertThat(bad.status()).isEqualTo(302);
        assertThat(web.get(bad.location().replaceFirst("^https?://[^/]+", "")).body()).contains("2026-Q4");
        WebSession.Page ok = web.post("/disclosures", Map.of("orgId", "" + org, "category", "PARTY", "period", q,
                "title", "页面发布的党务公开", "body", "组织建设：好\n党员发展：无\n党费收缴：齐", "audience", "SUBTREE"));
        assertThat(ok.status()).isEqualTo(302);
        assertThat(ok.location()).contains("/disclosures/");
        assertThat(web.get(ok.location().replaceFirst("^https?://[^/]+", "")).body()).contains("页面发布的党务公开");
    }
}
