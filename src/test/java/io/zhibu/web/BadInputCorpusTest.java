package io.zhibu.web;

import static io.zhibu.db.Tables.AUDIT_EVENT;
import static io.zhibu.db.Tables.DUES_PAYMENT;
import static io.zhibu.db.Tables.MEETING_MEETING;
import static io.zhibu.db.Tables.MEMBER_MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.DemoFacts;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.TestIds;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Issue 19 "done when": a bad-input corpus generated from a compact table — endpoints × their fields' kinds × the
 * mutations of each kind (wrong type, fraction, too long, impossible date, out-of-range year, negative, missing, null,
 * unknown code, huge number, injection strings …) — over members, orgs, meetings, minutes and votes, elections,
 * transfers, dues, development, learning, assessment and points. Every case must answer 2xx (a correct success) or
 * 400 naming a field (409 only for a stale version); never 500; and the rows of members, meetings, payments and the
 * audit trail change exactly as the accepted cases say: each accepted case by its endpoint's calibrated effect, each
 * refused write by one refusal row.
 */
class BadInputCorpusTest extends IntegrationTest {
    @Autowired
    DSLContext db;

    enum Kind { ID, COUNT, DATE, DATETIME, MONTH, TEXT, NAME, ENUM, BOOL, VERSION, MONEY }

    /** Values that replace a field's valid value; REMOVE drops the field. */
    private static final Object REMOVE = new Object();

    private static final Map<Kind, List<Object>> MUTATIONS = new LinkedHashMap<>();

    static {
        String longText = "长".repeat(5000);
        List<Object> common = List.of(REMOVE, Map.of("nested", 1), List.of(1, 2));
        MUTATIONS.put(Kind.ID, join(common, List.of("abc", 158.5, -1, "99999999999999999999", "1 OR 1=1", true)));
        MUTATIONS.put(Kind.COUNT, join(common, List.of(-1, 1.5, "many", 2147483648L, -2147483648L)));
        MUTATIONS.put(Kind.DATE, join(common, List.of("2026-02-30", "1900-01-01", "9999-12-31", "yesterday", 20260101,
                "2026-13-01")));
        MUTATIONS.put(Kind.DATETIME, join(common, List.of("2026-02-30T09:00", "1900-01-01T09:00", "9999-12-31T09:00", "soon")));
        MUTATIONS.put(Kind.MONTH, join(common, List.of("2026-13", "1900-01", "next month", 202601)));
        MUTATIONS.put(Kind.TEXT, join(common, List.of(longText, "<script>alert(1)</script>", "' OR '1'='1' --",
                "${jndi:ldap://x/a}", "=cmd|' /C calc'!A0", "a\u0000b")));
        MUTATIONS.put(Kind.NAME, join(common, List.of(longText, "<script>alert(1)</script>", "Robert'); DROP TABLE member_member;--",
                "=HYPERLINK(\"x\")", "")));
        MUTATIONS.put(Kind.ENUM, join(common, List.of("NOPE", 1, "", "' OR 1=1")));
        MUTATIONS.put(Kind.BOOL, join(common, List.of("maybe", 2)));
        MUTATIONS.put(Kind.VERSION, List.of(REMOVE, "v1", 1.5, -1, 2147483648L));
        MUTATIONS.put(Kind.MONEY, join(common, List.of(-1, "lots", "1e400")));
    }

    private static List<Object> join(List<Object> a, List<Object> b) {
        List<Object> l = new ArrayList<>(a);
        l.addAll(b);
        return l;
    }

    /** What an accepted request adds to the counted tables. */
    record Effect(int members, int meetings, int payments) {
        static final Effect NONE = new Effect(0, 0, 0);
    }

    /** One endpoint of the table: who calls it, how (a fresh valid body per case), which fields it has. */
    record Endpoint(String name, String user, String method, Supplier<String> path, Supplier<Map<String, Object>> body,
                    Map<String, Kind> fields, Effect effect) {
    }

    private record Outcome(String endpoint, String field, Kind kind, Object value, int status, boolean namesField,
                           String body) {
    }

    private DemoFacts facts;
    private final AtomicInteger seq = new AtomicInteger();

    @Test
    void theCorpusAnswersEveryCaseWithAFieldOrASuccessAndCountsAgree() {
        facts = DemoFacts.discover(as("admin"), as("secretary"), as("township"));
        Map<String, Api> users = new LinkedHashMap<>();
        for (String u : new String[] {"admin", "county", "township", "secretary", "member"}) {
            users.put(u, as(u));
        }
        List<Endpoint> table = endpoints(users);

        // calibration: one valid request per endpoint must succeed; its audit delta is the endpoint's effect
        Map<String, Integer> auditPerSuccess = new LinkedHashMap<>();
        for (Endpoint e : table) {
            int before = auditSuccess();
            Api.Response r = send(users.get(e.user()), e, e.body().get());
            assertThat(r.status()).as("valid " + e.name() + ": " + r.body()).isBetween(200, 299);
            auditPerSuccess.put(e.name(), auditSuccess() - before);
        }

        long[] before = counts();
        int refusalsBefore = auditRefusals();
        List<Outcome> outcomes = new ArrayList<>();
        Effect expected = Effect.NONE;
        int expectedAudit = 0;
        int expectedRefusals = 0;
        for (Endpoint e : table) {
            for (Map.Entry<String, Kind> f : e.fields().entrySet()) {
                for (Object value : MUTATIONS.get(f.getValue())) {
                    Map<String, Object> body = e.body().get();
                    if (value == REMOVE) {
                        body.remove(f.getKey());
                    } else {
                        body.put(f.getKey(), value);
                    }
                    Api.Response r = send(users.get(e.user()), e, body);
                    outcomes.add(new Outcome(e.name(), f.getKey(), f.getValue(), value == REMOVE ? "(missing)" : abbreviate(value),
                            r.status(), r.json() != null && !r.at("/errors/0/field").asText("").isEmpty(), abbreviate(r.body())));
                    if (r.status() >= 200 && r.status() < 300) {
                        expected = new Effect(expected.members() + e.effect().members(),
                                expected.meetings() + e.effect().meetings(), expected.payments() + e.effect().payments());
                        expectedAudit += auditPerSuccess.get(e.name());
                    } else if (r.status() == 400 || r.status() == 404) {
                        expectedRefusals++; // a refused write: one refusal row (the test budget is not reached)
                    }
                }
            }
        }

        List<String> wrong = new ArrayList<>();
        for (Outcome o : outcomes) {
            boolean success = o.status() >= 200 && o.status() < 300;
            boolean fieldError = o.status() == 400 && o.namesField();
            boolean staleVersion = o.status() == 409 && "version".equals(o.field());
            // an id that points outside the caller's scope answers 404 like every scope probe (house rule)
            boolean outOfScope = o.status() == 404 && o.kind() == Kind.ID;
            if (!success && !fieldError && !staleVersion && !outOfScope) {
                wrong.add(o.toString());
            }
        }
        assertThat(outcomes.size()).as("corpus size").isGreaterThanOrEqualTo(300);
        assertThat(outcomes).as("no 500").noneMatch(o -> o.status() >= 500);
        assertThat(wrong).as("every case: success, or 400 naming a field (404 for an id out of scope)").isEmpty();
        long[] after = counts();
        assertThat(after[0] - before[0]).as("members").isEqualTo(expected.members());
        assertThat(after[1] - before[1]).as("meetings").isEqualTo(expected.meetings());
        assertThat(after[2] - before[2]).as("payments").isEqualTo(expected.payments());
        assertThat(after[3] - before[3]).as("audit rows of successes").isEqualTo(expectedAudit);
        assertThat(auditRefusals() - refusalsBefore).as("audit rows of refusals").isEqualTo(expectedRefusals);
        long refused = outcomes.stream().filter(o -> o.status() >= 400).count();
        System.out.printf("bad-input corpus: %d cases over %d endpoints, %d refused, %d accepted%n", outcomes.size(),
                table.size(), refused, outcomes.size() - refused);
        as("county").patch("/api/v1/orgs/" + facts.ownBranchId(), "{\"name\":" + Api.quote(branchName) + ",\"version\":"
                + as("county").get("/api/v1/orgs/" + facts.ownBranchId()).at("/version").asInt() + "}");
    }

    private String branchName;

    private List<Endpoint> endpoints(Map<String, Api> users) {
        Api secretary = users.get("secretary");
        Api county = users.get("county");
        long branch = facts.ownBranchId();
        branchName = county.get("/api/v1/orgs/" + branch).at("/name").asText();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        List<Endpoint> t = new ArrayList<>();

        t.add(new Endpoint("member.create", "secretary", "POST", () -> "/api/v1/members", () -> map(
                "orgId", branch, "name", "语料" + letters(seq.incrementAndGet()), "idNumber", TestIds.fresh(true),
                "ethnicity", "01", "category", "FULL", "joinedOn", "2010-07-01", "probationExtensionMonths", 0,
                "flowMember", false, "jobTitle", "职员"),
                fields("orgId", Kind.ID, "name", Kind.NAME, "idNumber", Kind.TEXT, "category", Kind.ENUM,
                        "joinedOn", Kind.DATE, "probationExtensionMonths", Kind.COUNT, "flowMember", Kind.BOOL,
                        "jobTitle", Kind.TEXT, "ethnicity", Kind.TEXT),
                new Effect(1, 0, 0)));

        t.add(new Endpoint("org.rename", "county", "PATCH", () -> "/api/v1/orgs/" + branch, () -> map(
                "name", branchName, "version", county.get("/api/v1/orgs/" + branch).at("/version").asInt()),
                fields("name", Kind.TEXT, "version", Kind.VERSION), Effect.NONE));

        LocalDateTime start = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(3).truncatedTo(ChronoUnit.HOURS);
        // meetings go to the foreign branch (as admin): the secretary's own meeting list stays as other tests expect
        long other = facts.foreignBranchId();
        Api admin = users.get("admin");
        t.add(new Endpoint("meeting.plan", "admin", "POST", () -> "/api/v1/meetings", () -> map(
                "orgId", other, "types", List.of("BRANCH_ASSEMBLY"), "title", "语料会议", "startsAt", start.toString(),
                "endsAt", start.plusHours(1).toString(), "place", "会议室", "agenda", "学习"),
                fields("orgId", Kind.ID, "title", Kind.TEXT, "startsAt", Kind.DATETIME, "endsAt", Kind.DATETIME,
                        "place", Kind.TEXT, "agenda", Kind.TEXT),
                new Effect(0, 1, 0)));

        String meeting = admin.post("/api/v1/meetings", io.zhibu.support.Api.json(map("orgId", other,
                "types", List.of("BRANCH_ASSEMBLY"), "title", "语料表决", "startsAt", start.minusDays(4).toString(),
                "endsAt", start.minusDays(4).plusHours(1).toString(), "place", "会议室", "agenda", "表决"))).at("/id").asText();
        t.add(new Endpoint("meeting.minutes", "admin", "PUT", () -> "/api/v1/meetings/" + meeting + "/minutes", () -> map(
                "host", "张书记", "recorder", "李委员", "voteKind", "MOTION", "voteMethod", "SHOW_OF_HANDS", "voteSubject", "议题",
                "votingDue", 3, "votingPresent", 3, "yes", 2, "no", 1, "abstain", 0, "recordedResult", "PASSED",
                "version", admin.get("/api/v1/meetings/" + meeting).at("/version").asInt()),
                fields("host", Kind.NAME, "voteKind", Kind.ENUM, "votingDue", Kind.COUNT, "votingPresent", Kind.COUNT,
                        "yes", Kind.COUNT, "no", Kind.COUNT, "abstain", Kind.COUNT, "version", Kind.VERSION),
                Effect.NONE));

        t.add(new Endpoint("org.election", "county", "POST", () -> "/api/v1/orgs/" + branch + "/elections", () -> map(
                "heldOn", today.minusDays(1).toString(), "votersPresent", 2, "seats", 1, "candidates", 2,
                "ballotsIssued", 2, "ballotsReturned", 2, "result", "甲 2 票", "electedVotes", List.of(2)),
                fields("heldOn", Kind.DATE, "votersDue", Kind.COUNT, "votersPresent", Kind.COUNT, "seats", Kind.COUNT,
                        "candidates", Kind.COUNT, "ballotsIssued", Kind.COUNT, "result", Kind.TEXT, "majorityBase", Kind.ENUM),
                Effect.NONE));

        t.add(new Endpoint("transfer.incoming", "secretary", "POST", () -> "/api/v1/transfers", () -> map(
                "kind", "INCOMING", "memberName", "周转入", "fromOrgName", "外省某支部", "letterNumber", "外字" + seq.incrementAndGet(),
                "validUntil", today.plusDays(20).toString(), "toOrgId", branch),
                fields("kind", Kind.ENUM, "memberName", Kind.NAME, "fromOrgName", Kind.TEXT, "letterNumber", Kind.TEXT,
                        "validUntil", Kind.DATE, "toOrgId", Kind.ID),
                Effect.NONE));

        Deque<Long> payers = unpaidMembers(county, YearMonth.now(ZoneId.of("Asia/Shanghai")));
        Map<String, Long> payer = new LinkedHashMap<>();
        t.add(new Endpoint("dues.offlinePayment", "county", "POST", () -> {
            payer.put("id", payers.pop());
            return "/api/v1/dues/accounts/" + payer.get("id") + "/offline-payments";
        }, () -> map("upTo", YearMonth.now(ZoneId.of("Asia/Shanghai")).toString(), "method", "CASH", "receiptNo", "R-" + seq.incrementAndGet(),
                "idempotencyKey", "corpus-" + System.nanoTime()),
                fields("upTo", Kind.MONTH, "method", Kind.ENUM, "receiptNo", Kind.TEXT, "voluntaryAmount", Kind.MONEY),
                new Effect(0, 0, 1)));

        t.add(new Endpoint("development.register", "secretary", "POST", () -> "/api/v1/development/persons", () -> map(
                "orgId", branch, "name", "申请" + letters(seq.incrementAndGet()), "idNumber", TestIds.fresh(false),
                "ethnicity", "01", "appliedOn", today.minusDays(3).toString(), "attachments", "入党申请书"),
                fields("orgId", Kind.ID, "name", Kind.NAME, "idNumber", Kind.TEXT, "appliedOn", Kind.DATE,
                        "attachments", Kind.TEXT),
                Effect.NONE));

        t.add(new Endpoint("learning.offlineHours", "secretary", "POST",
                () -> "/api/v1/learning/hours/offline?orgId=" + branch, () -> map(
                "memberIds", List.of(facts.ownMemberId()), "title", "集中学习" + letters(seq.incrementAndGet()), "from", today.minusDays(2).toString(),
                "to", today.minusDays(2).toString(), "hours", 2, "evidence", "签到表"),
                fields("title", Kind.TEXT, "from", Kind.DATE, "to", Kind.DATE, "hours", Kind.MONEY, "evidence", Kind.TEXT),
                Effect.NONE));

        t.add(new Endpoint("points.manual", "secretary", "POST",
                () -> "/api/v1/points/members/" + facts.ownMemberId() + "/entries", () -> map(
                "item", "VOLUNTEERING", "points", 2, "date", today.minusDays(1).toString(), "reason", "志愿服务",
                "idempotencyKey", "corpus-" + System.nanoTime()),
                fields("item", Kind.ENUM, "points", Kind.COUNT, "date", Kind.DATE, "reason", Kind.TEXT),
                Effect.NONE));

        t.add(new Endpoint("assessment.survey", "township", "POST", () -> "/api/v1/assessment/surveys", () -> map(
                "orgId", branch, "title", "三率测评", "audience", 10, "year", today.getYear()),
                fields("orgId", Kind.ID, "title", Kind.TEXT, "audience", Kind.COUNT, "year", Kind.COUNT),
                Effect.NONE));
        return t;
    }

    private Deque<Long> unpaidMembers(Api county, YearMonth month) {
        Deque<Long> out = new ArrayDeque<>();
        for (int page = 0; page < 10 && out.size() < 45; page++) {
            JsonNode items = county.get("/api/v1/members?size=100&page=" + page).at("/items");
            if (!items.isArray() || items.isEmpty()) {
                break;
            }
            for (JsonNode m : items) {
                JsonNode a = county.get("/api/v1/dues/accounts/" + m.get("id").asLong()).json();
                if (a != null && a.at("/account/exempt").asBoolean(false)) {
                    continue;
                }
                String paid = a == null ? "" : a.at("/account/paidUpTo").asText("");
                if (a != null && a.has("account") && (paid.isEmpty() || YearMonth.parse(paid).isBefore(month))) {
                    out.add(m.get("id").asLong());
                }
            }
        }
        return out;
    }

    private Api.Response send(Api api, Endpoint e, Map<String, Object> body) {
        return api.send(e.method(), e.path().get(), Api.json(body));
    }

    private long[] counts() {
        return new long[] {db.fetchCount(MEMBER_MEMBER), db.fetchCount(MEETING_MEETING), db.fetchCount(DUES_PAYMENT),
                auditSuccess()};
    }

    private int auditSuccess() {
        return db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.OUTCOME.eq(io.zhibu.audit.AuditOutcome.SUCCESS));
    }

    private int auditRefusals() {
        return db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.in("refused.invalid", "refused.notFound"));
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Map<String, Kind> fields(Object... kv) {
        Map<String, Kind> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Kind) kv[i + 1]);
        }
        return m;
    }

    /** A name suffix of Chinese numerals (names allow no digits). */
    private static String letters(int n) {
        String digits = "零一二三四五六七八九";
        StringBuilder b = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) {
            b.append(digits.charAt(c - '0'));
        }
        return b.toString();
    }

    private static String abbreviate(Object o) {
        String s = String.valueOf(o);
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }
}
