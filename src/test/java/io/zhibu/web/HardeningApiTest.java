package io.zhibu.web;

import static io.zhibu.db.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.db.tables.records.AuditEventRecord;
import io.zhibu.support.Api;
import io.zhibu.support.DemoFacts;
import io.zhibu.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Issue 19 over HTTP: field errors for unreadable input, refusals in the audit trail, the audit chain and its
 * verifier, check-in guessing locked, personal data masked on the public page, vote bounds, security headers.
 */
class HardeningApiTest extends IntegrationTest {
    @Autowired
    DSLContext db;

    private DemoFacts facts() {
        return DemoFacts.discover(as("admin"), as("secretary"), as("township"));
    }

    private static String field(Api.Response r) {
        return r.json() == null ? null : r.at("/errors/0/field").asText();
    }

    @Test
    void everyBadRequestNamesItsField() {
        Api county = as("county");
        DemoFacts f = facts();
        Api.Response fraction = county.post("/api/v1/members", "{\"orgId\":158.5,\"name\":\"测试\"}");
        assertThat(fraction.status()).isEqualTo(400);
        assertThat(field(fraction)).isEqualTo("orgId");
        assertThat(fraction.at("/errors/0/code").asText()).isEqualTo("validation.wholeNumber");
        Api.Response date = county.post("/api/v1/members", "{\"joinedOn\":\"2026-02-30\"}");
        assertThat(field(date)).isEqualTo("joinedOn");
        assertThat(date.at("/errors/0/message").asText()).contains("date");
        Api.Response year = as("secretary").post("/api/v1/meetings", "{\"orgId\":" + f.ownBranchId()
                + ",\"types\":[\"BRANCH_ASSEMBLY\"],\"title\":\"x\",\"startsAt\":\"1900-01-01T09:00\",\"endsAt\":\"1900-01-01T10:00\"}");
        assertThat(year.status()).isEqualTo(400);
        assertThat(field(year)).isEqualTo("startsAt");
        assertThat(year.at("/errors/0/code").asText()).isEqualTo("validation.yearRange");
        Api.Response nested = county.post("/api/v1/orgs/" + f.ownBranchId() + "/elections",
                "{\"heldOn\":\"2026-01-01\",\"committee\":{\"startedOn\":\"9999-01-01\"}}");
        assertThat(field(nested)).isEqualTo("committee.startedOn");
        // PATCH without a version: refused, nothing renamed
        String name = county.get("/api/v1/orgs/" + f.ownBranchId()).at("/name").asText();
        Api.Response noVersion = county.patch("/api/v1/orgs/" + f.ownBranchId(), "{\"name\":\"改名无版本\"}");
        assertThat(noVersion.status()).isEqualTo(400);
        assertThat(field(noVersion)).isEqualTo("version");
        assertThat(county.get("/api/v1/orgs/" + f.ownBranchId()).at("/name").asText()).isEqualTo(name);
        // an incoming letter that expired in 2020
        Api.Response expired = as("secretary").post("/api/v1/transfers", "{\"kind\":\"INCOMING\",\"memberName\":\"周过期\","
                + "\"fromOrgName\":\"外省某支部\",\"letterNumber\":\"外字009\",\"validUntil\":\"2025-01-01\",\"toOrgId\":" + f.ownBranchId() + "}");
        assertThat(expired.status()).isEqualTo(400);
        assertThat(field(expired)).isEqualTo("validUntil");
        // no Spring text, no HTML from /api
        Api.Response unknown = county.get("/api/v1/no-such-thing");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).startsWith("{").doesNotContain("static resource").doesNotContain("<html");
        Api.Response method = county.send("DELETE", "/api/v1/members", null);
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.body()).doesNotContain("Method 'DELETE'").doesNotContain("<html");
        Api.Response path = county.get("/api/v1/members/158.5");
        assertThat(field(path)).isEqualTo("id");
        Api.Response query = county.get("/api/v1/members?orgId=158.5");
        assertThat(field(query)).isEqualTo("orgId");
        Api.Response zh = new Api("http://localhost:" + port).post("/api/v1/auth/login", "not json");
        assertThat(zh.status()).isEqualTo(400);
        assertThat(field(zh)).isEqualTo("body");
    }

    @Test
    void votesAreBoundedAndElectionsRefuseImpossibleCounts() {
        Api county = as("county");
        DemoFacts f = facts();
        String base = "{\"heldOn\":\"" + LocalDate.now() + "\",\"votersDue\":10,\"votersPresent\":9,\"ballotsIssued\":9,"
                + "\"ballotsReturned\":9,\"result\":\"x\",";
        Api.Response zeroSeats = county.post("/api/v1/orgs/" + f.ownBranchId() + "/elections", base + "\"seats\":0,\"candidates\":2}");
        assertThat(zeroSeats.status()).isEqualTo(400);
        assertThat(zeroSeats.body()).contains("\"field\":\"seats\"");
        Api.Response fewer = county.post("/api/v1/orgs/" + f.ownBranchId() + "/elections", base + "\"seats\":3,\"candidates\":2}");
        assertThat(fewer.body()).contains("\"field\":\"candidates\"").contains("vote.candidates.belowSeats");
        Api.Response r112 = county.post("/api/v1/orgs/" + f.ownBranchId() + "/elections", base + "\"seats\":5,\"candidates\":5}");
        assertThat(r112.body()).contains("vote.candidates.tooFew");
        Api.Response negative = county.post("/api/v1/orgs/" + f.ownBranchId() + "/elections",
                base + "\"seats\":1,\"candidates\":2,\"electedVotes\":[-3]}");
        assertThat(negative.body()).contains("\"field\":\"electedVotes[0]\"");
        Api.Response huge = county.post("/api/v1/orgs/" + f.ownBranchId() + "/elections", "{\"heldOn\":\"" + LocalDate.now()
                + "\",\"votersDue\":2147483647,\"votersPresent\":2147483647,\"seats\":1,\"candidates\":2,\"ballotsIssued\":0,"
                + "\"ballotsReturned\":0,\"result\":\"x\"}");
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.body()).contains("\"field\":\"votersDue\"");
        Api.Response over = county.post("/api/v1/orgs/" + f.ownBranchId() + "/elections", "{\"heldOn\":\"" + LocalDate.now()
                + "\",\"votersDue\":2147483648,\"votersPresent\":1}");
        assertThat(field(over)).isEqualTo("votersDue");

        Api secretary = as("secretary");
        String id = plan(secretary, f.ownBranchId(), LocalDateTime.now().minusHours(1));
        int v = secretary.get("/api/v1/meetings/" + id).at("/version").asInt();
        int roll = secretary.get("/api/v1/meetings/" + id).at("/counts/due").asInt();
        Api.Response fractional = secretary.put("/api/v1/meetings/" + id + "/minutes", "{\"voteKind\":\"MOTION\",\"voteMethod\":"
                + "\"SHOW_OF_HANDS\",\"votingDue\":3,\"votingPresent\":3,\"yes\":1.5,\"no\":0,\"abstain\":0,\"version\":" + v + "}");
        assertThat(field(fractional)).isEqualTo("yes");
        Api.Response overRoll = secretary.put("/api/v1/meetings/" + id + "/minutes", "{\"voteKind\":\"MOTION\",\"voteMethod\":"
                + "\"SHOW_OF_HANDS\",\"votingDue\":" + (roll + 1) + ",\"votingPresent\":1,\"yes\":1,\"no\":0,\"abstain\":0,\"version\":" + v + "}");
        assertThat(overRoll.status()).isEqualTo(400);
        assertThat(field(overRoll)).isEqualTo("votingDue");
        assertThat(overRoll.at("/errors/0/code").asText()).isEqualTo("vote.count.overRoll");
    }

    private static String plan(Api secretary, long orgId, LocalDateTime start) {
        Api.Response r = secretary.post("/api/v1/meetings", "{\"orgId\":" + orgId + ",\"types\":[\"BRANCH_ASSEMBLY\"],\"title\":"
                + "\"加固测试\",\"startsAt\":\"" + start.truncatedTo(ChronoUnit.MINUTES) + "\",\"endsAt\":\""
                + start.plusHours(2).truncatedTo(ChronoUnit.MINUTES) + "\",\"place\":\"党群服务中心\",\"agenda\":\"学习\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.at("/id").asText();
    }

    @Test
    void fiveWrongCheckInCodesLockTheMembersCheckInAndTheSecretaryIsTold() {
        Api secretary = as("secretary");
        Api member = as("member");
        DemoFacts f = facts();
        String id = plan(secretary, f.ownBranchId(), LocalDateTime.now().minusMinutes(10));
        String code = secretary.get("/api/v1/meetings/" + id).at("/checkinCode").asText();
        String wrong = code.equals("000000") ? "000001" : "000000";
        for (int i = 1; i <= 4; i++) {
            Api.Response r = member.post("/api/v1/meetings/" + id + "/checkin", "{\"code\":\"" + wrong + "\"}");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.at("/errors/0/message").asText()).contains(String.valueOf(5 - i));
        }
        assertThat(member.post("/api/v1/meetings/" + id + "/checkin", "{\"code\":\"" + wrong + "\"}").status()).isEqualTo(409);
        Api.Response right = member.post("/api/v1/meetings/" + id + "/checkin", "{\"code\":\"" + code + "\"}");
        assertThat(right.status()).as("the right code no longer works for this member and meeting").isEqualTo(409);
        assertThat(right.body()).contains("locked");
        assertThat(secretary.get("/api/v1/todos").body()).contains("checkinLocked");
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("meeting.checkin.locked").and(AUDIT_EVENT.TARGET_ID.eq(id))))
                .isEqualTo(1);
    }

    @Test
    void outOfScopeRefusalsAreAuditedWithWhoWhatAndWhere() {
        DemoFacts f = facts();
        Api secretary = as("secretary");
        int before = db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTOR.eq("secretary").and(AUDIT_EVENT.ACTION.eq("refused.notFound")));
        Api.Response r = secretary.post("/api/v1/members/" + f.foreignMemberId() + "/reveal", null);
        assertThat(r.status()).isEqualTo(404);
        AuditEventRecord row = db.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.ACTOR.eq("secretary"))
                .and(AUDIT_EVENT.ACTION.eq("refused.notFound")).orderBy(AUDIT_EVENT.ID.desc()).limit(1).fetchOne();
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTOR.eq("secretary").and(AUDIT_EVENT.ACTION.eq("refused.notFound"))))
                .isEqualTo(before + 1);
        assertThat(row.getTargetId()).isEqualTo("POST /api/v1/members/" + f.foreignMemberId() + "/reveal");
        assertThat(row.getActorRole()).isEqualTo("BRANCH_SECRETARY");
        assertThat(row.getSourceIp()).isNotBlank();
        assertThat(row.getOutcome()).isEqualTo(io.zhibu.audit.AuditOutcome.DENIED);
        assertThat(row.getScopePath()).isEqualTo(f.ownBranchPath());
        // a 400 on a write is a refusal too, naming the fields (not the values)
        secretary.post("/api/v1/meetings", "{\"orgId\":\"abc\"}");
        AuditEventRecord invalid = db.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.ACTOR.eq("secretary"))
                .and(AUDIT_EVENT.ACTION.eq("refused.invalid")).orderBy(AUDIT_EVENT.ID.desc()).limit(1).fetchOne();
        assertThat(invalid.getDetail()).contains("orgId").doesNotContain("abc");
    }

    @Test
    void theAuditTrailIsAChainAndTheVerifierFindsTheFirstBreak() {
        Api auditor = as("auditor");
        assertThat(as("secretary").get("/api/v1/audit/chain").status()).isEqualTo(403);
        JsonNode ok = auditor.get("/api/v1/audit/chain").json();
        assertThat(ok.get("intact").asBoolean()).as(ok.toString()).isTrue();
        assertThat(ok.get("checked").asLong()).isPositive();
        // every row written since the chain exists carries its predecessor's MAC
        var rows = db.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.PREV_MAC.isNotNull()).orderBy(AUDIT_EVENT.ID.desc()).limit(3).fetch();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).getPrevMac()).isEqualTo(rows.get(1).getMac());

        // an edited row: the verifier names it (MAC)
        AuditEventRecord victim = rows.get(1);
        String detail = victim.getDetail();
        db.update(AUDIT_EVENT).set(AUDIT_EVENT.DETAIL, "edited").where(AUDIT_EVENT.ID.eq(victim.getId())).execute();
        try {
            JsonNode edited = auditor.get("/api/v1/audit/chain").json();
            assertThat(edited.get("intact").asBoolean()).isFalse();
            assertThat(edited.at("/firstBreak/id").asLong()).isEqualTo(victim.getId());
            assertThat(edited.at("/firstBreak/kind").asText()).isEqualTo("MAC");
        } finally {
            db.update(AUDIT_EVENT).set(AUDIT_EVENT.DETAIL, detail).where(AUDIT_EVENT.ID.eq(victim.getId())).execute();
        }
        // a deleted row: the next one no longer links (LINK), put back it is whole again
        AuditEventRecord copy = victim.copy();
        copy.setId(victim.getId());
        copy.setDetail(detail);
        db.deleteFrom(AUDIT_EVENT).where(AUDIT_EVENT.ID.eq(victim.getId())).execute();
        try {
            JsonNode deleted = auditor.get("/api/v1/audit/chain").json();
            assertThat(deleted.get("intact").asBoolean()).isFalse();
            assertThat(deleted.at("/firstBreak/kind").asText()).isEqualTo("LINK");
            assertThat(deleted.at("/firstBreak/id").asLong()).isGreaterThan(victim.getId());
        } finally {
            db.insertInto(AUDIT_EVENT).set(copy).execute();
        }
        assertThat(auditor.get("/api/v1/audit/chain").at("/intact").asBoolean()).isTrue();
        assertThat(new io.zhibu.support.WebSession(port, "auditor", PASSWORD).get("/audit/chain").body()).contains("chain-ok");
    }

    @Autowired
    io.zhibu.shared.crypto.Hmacs hmacs;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;
    @Autowired
    io.zhibu.audit.internal.AuditWriter writer;

    /** Retention: rows past the online days move to the archive unchanged and the chain still verifies; then back. */
    @Test
    void oldRowsAreArchivedNeverDeletedAndStayChained() {
        var archive = io.zhibu.db.Tables.AUDIT_EVENT_ARCHIVE;
        int online = db.fetchCount(AUDIT_EVENT);
        // a clock two days ahead and one online day: every row so far is "old"
        var chain = new io.zhibu.audit.internal.AuditChain(db, hmacs, new io.zhibu.audit.AuditProperties(1, 30), tx,
                java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofDays(2)), writer);
        long moved = chain.archive();
        try {
            assertThat(moved).isEqualTo(online);
            assertThat(db.fetchCount(archive)).isEqualTo(online);
            assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("audit.archive"))).isPositive();
            var report = chain.verify();
            assertThat(report.intact()).as(String.valueOf(report)).isTrue();
            assertThat(report.archived()).isEqualTo(online);
        } finally {
            tx.executeWithoutResult(st -> {
                db.insertInto(AUDIT_EVENT, AUDIT_EVENT.ID, AUDIT_EVENT.OCCURRED_AT, AUDIT_EVENT.ACTOR, AUDIT_EVENT.ACTOR_ROLE,
                                AUDIT_EVENT.ACTION, AUDIT_EVENT.TARGET_TYPE, AUDIT_EVENT.TARGET_ID, AUDIT_EVENT.SCOPE_PATH,
                                AUDIT_EVENT.DETAIL, AUDIT_EVENT.SOURCE_IP, AUDIT_EVENT.OUTCOME, AUDIT_EVENT.MAC, AUDIT_EVENT.PREV_MAC)
                        .select(db.select(archive.ID, archive.OCCURRED_AT, archive.ACTOR, archive.ACTOR_ROLE, archive.ACTION,
                                archive.TARGET_TYPE, archive.TARGET_ID, archive.SCOPE_PATH, archive.DETAIL, archive.SOURCE_IP,
                                archive.OUTCOME, archive.MAC, archive.PREV_MAC).from(archive))
                        .execute();
                db.deleteFrom(archive).execute();
            });
        }
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void thePublicSharePageMasksNumbersHoweverTheyAreTyped() throws Exception {
        Api secretary = as("secretary");
        String text = "联系人电话 +86 137-3643-5330，身份证 410821 19900806 7852，备用 １３９１２３４５６７８";
        Api.Response posted = secretary.multipart("/api/v1/points/activities?title=" + Api.enc("志愿服务") + "&body="
                + Api.enc(text), "tree.png", io.zhibu.support.TestFiles.png());
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        String token = secretary.post("/api/v1/points/activities/" + posted.at("/id").asLong() + "/share", null).at("/token").asText();
        String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/public/activities/" + token)).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("5330").doesNotContain("3643").doesNotContain("19900806").doesNotContain("１２３４");
    }

    @Test
    void securityHeadersAndHstsOverHttps() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(plain.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(plain.headers().firstValue("Permissions-Policy").orElse("")).contains("camera=()");
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).as("not over plain HTTP").isEmpty();
        HttpResponse<String> tls = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tls.headers().firstValue("Strict-Transport-Security").orElse("")).contains("max-age=");
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.headers().firstValue("Referrer-Policy")).isPresent();
    }
}
