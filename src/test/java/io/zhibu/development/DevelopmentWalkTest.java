package io.zhibu.development;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.TestIds;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** One person through all 25 steps over the API (H2 and PostgreSQL), each gate refusing first and then passing. */
class DevelopmentWalkTest extends IntegrationTest {
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private Api secretary;
    private long branchId;

    @BeforeEach
    void setUp() {
        secretary = as("secretary");
        branchId = secretary.get("/api/v1/me").at("/orgId").asLong();
    }

    private long register(String name, String idNumber, LocalDate appliedOn) {
        Api.Response r = secretary.post("/api/v1/development/persons", Api.json(Map.of("orgId", branchId, "name", name,
                "idNumber", idNumber, "ethnicity", "01", "appliedOn", appliedOn.toString(), "attachments", "入党申请书")));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.at("/person/id").asLong();
    }

    private Api.Response step(long id, int no, Map<String, Object> fields) {
        JsonNode p = secretary.get("/api/v1/development/persons/" + id).json();
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.putIfAbsent("version", p.get("version").asInt());
        return secretary.post("/api/v1/development/persons/" + id + "/steps/" + no, Api.json(body));
    }

    private void ok(long id, int no, Map<String, Object> fields) {
        Api.Response r = step(id, no, fields);
        assertThat(r.status()).as("step " + no + ": " + r.body()).isEqualTo(200);
    }

    private String refused(long id, int no, Map<String, Object> fields) {
        Api.Response r = step(id, no, fields);
        assertThat(r.status()).as("step " + no + " should be refused: " + r.body()).isIn(400, 409);
        return r.body();
    }

    private static Map<String, Object> f(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Map<String, Object> votes(LocalDate d, int due, int present, int yes) {
        return f("date", d.toString(), "votesDue", due, "votesPresent", present, "votesYes", yes, "votesWrittenYes", 0,
                "votesNo", present - yes, "votesAbstain", 0, "attachments", "会议记录");
    }

    @Test
    void walksOnePersonThroughAllTwentyFiveSteps() {
        LocalDate b = TODAY.minusYears(4).withDayOfMonth(10);
        long id = register("发展甲", TestIds.fresh(true), b);
        List<JsonNode> full = fullMembers(2);
        String sponsors = full.get(0).get("id").asText() + "," + full.get(1).get("id").asText();

        // dates in the future and out of order are refused
        assertThat(refused(id, 2, f("date", TODAY.plusDays(1).toString(), "people", "张书记"))).contains("validation.futureDate");
        assertThat(refused(id, 2, f("date", b.minusDays(1).toString(), "people", "张书记"))).contains("R2.12");
        assertThat(refused(id, 3, f("date", b.plusDays(5).toString(), "attachments", "x"))).contains("step 2");
        ok(id, 2, f("date", b.plusDays(20).toString(), "people", "张书记"));
        LocalDate activist = b.plusMonths(2);
        ok(id, 3, f("date", activist.toString(), "attachments", "支委会会议记录"));
        ok(id, 4, f("date", activist.plusDays(5).toString(), "attachments", "备案表"));
        ok(id, 5, f("date", activist.plusDays(10).toString(), "memberIds", sponsors));
        ok(id, 6, f("date", activist.plusMonths(6).toString(), "attachments", "考察表"));
        ok(id, 6, f("date", activist.plusMonths(11).toString(), "attachments", "考察表 2"));
        // step 7: R2.7 / art.13 — one day short of a year is refused, exactly one year passes
        LocalDate year = activist.plusYears(1);
        Map<String, Object> target = f("noticeFrom", year.minusDays(14).toString(), "noticeTo", year.minusDays(1).toString(),
                "attachments", "公示材料");
        target.put("date", year.minusDays(1).toString());
        assertThat(refused(id, 7, target)).contains("art.13");
        target.put("date", year.toString());
        ok(id, 7, target);
        ok(id, 8, f("date", year.plusDays(3).toString(), "attachments", "备案"));
        // step 9: exactly two full members
        assertThat(refused(id, 9, f("date", year.plusDays(5).toString(), "memberIds", full.get(0).get("id").asText()))).contains("art.14");
        ok(id, 9, f("date", year.plusDays(5).toString(), "memberIds", sponsors));
        // step 10: only 合格 lets it continue; later steps blocked before it
        assertThat(refused(id, 11, f("date", year.plusDays(6).toString()))).contains("art.16");
        assertThat(refused(id, 10, f("date", year.plusDays(10).toString(), "decision", "NOT_QUALIFIED", "attachments", "政审"))).contains("art.16");
        ok(id, 10, f("date", year.plusDays(10).toString(), "decision", "QUALIFIED", "attachments", "政审结论"));
        // step 11: 2 days / 16 hours refused without an exception, accepted with reason and approver
        Map<String, Object> training = f("date", year.plusDays(20).toString(), "trainingDays", 2, "trainingHours", 16,
                "attachments", "结业证书");
        assertThat(refused(id, 11, training)).contains("art.17");
        training.put("exceptionReason", "个别特殊情况：外出务工");
        training.put("exceptionApprover", "李部长");
        ok(id, 11, training);
        ok(id, 12, f("date", year.plusDays(25).toString(), "attachments", "支委会审查记录"));
        assertThat(refused(id, 14, f("date", year.plusDays(26).toString(), "documentNo", "Z-1"))).contains("art.18");
        ok(id, 13, f("date", year.plusDays(30).toString(), "decision", "QUALIFIED", "attachments", "预审意见"));
        ok(id, 14, f("date", year.plusDays(32).toString(), "documentNo", "ZY2024-001"));
        // step 15: R2.9 quorum and majority
        LocalDate meeting = year.plusDays(40);
        assertThat(refused(id, 15, votes(meeting, 10, 5, 5))).contains("R2.9");
        assertThat(refused(id, 15, votes(meeting, 10, 8, 5))).contains("R2.9");
        ok(id, 15, votes(meeting, 10, 8, 6));
        ok(id, 16, f("date", meeting.plusDays(10).toString(), "people", "王组织员"));
        ok(id, 17, f("date", meeting.plusMonths(1).toString(), "decision", "APPROVED"));
        JsonNode p = secretary.get("/api/v1/development/persons/" + id).json();
        assertThat(p.at("/person/state").asText()).isEqualTo("PROBATIONARY");
        long memberId = p.get("memberId").asLong();
        JsonNode member = secretary.get("/api/v1/members/" + memberId).json();
        assertThat(member.get("category").asText()).isEqualTo("PROBATIONARY");
        assertThat(member.get("joinedOn").asText()).isEqualTo(meeting.toString()); // R2.8
        ok(id, 18, f("date", meeting.plusMonths(1).plusDays(5).toString(), "attachments", "备案"));
        assertThat(refused(id, 19, f("date", meeting.plusMonths(1).plusDays(6).toString(), "groupOrgId", branchId)))
                .contains("dev.group.notOfBranch");
        Long group = group();
        Map<String, Object> assign = f("date", meeting.plusMonths(1).plusDays(6).toString());
        if (group != null) {
            assertThat(refused(id, 19, assign)).contains("dev.group.required");
            assign.put("groupOrgId", group);
        }
        ok(id, 19, assign);
        if (group != null) {
            assertThat(secretary.get("/api/v1/members/" + memberId).at("/groupOrgId").asLong()).isEqualTo(group);
        }
        ok(id, 20, f("date", meeting.plusMonths(1).plusDays(20).toString()));
        ok(id, 21, f("date", meeting.plusMonths(6).toString(), "attachments", "考察表"));
        ok(id, 22, f("date", meeting.plusMonths(11).plusDays(20).toString(), "attachments", "转正申请书"));
        // step 23: R2.8/R2.10 — not before the probation year ends; R2.11 extension limits
        LocalDate end = meeting.plusYears(1);
        Map<String, Object> conv = votes(end.minusDays(1), 10, 8, 7);
        conv.put("decision", "CONVERT");
        conv.put("noticeFrom", end.minusDays(12).toString());
        conv.put("noticeTo", end.minusDays(2).toString());
        assertThat(refused(id, 23, conv)).contains("R2.10");
        Map<String, Object> ext = votes(end, 10, 8, 7);
        ext.put("decision", "EXTEND");
        ext.put("extensionMonths", 3);
        assertThat(refused(id, 23, ext)).contains("R2.11");
        conv.put("date", end.toString());
        ok(id, 23, conv);
        ok(id, 24, f("date", end.plusMonths(1).toString(), "decision", "APPROVED"));
        member = secretary.get("/api/v1/members/" + memberId).json();
        assertThat(member.get("category").asText()).isEqualTo("FULL");
        assertThat(member.get("fullMemberOn").asText()).isEqualTo(end.toString()); // R2.10
        ok(id, 25, f("date", end.plusMonths(2).toString(), "attachments", "档案移交清单"));
        p = secretary.get("/api/v1/development/persons/" + id).json();
        assertThat(p.at("/person/state").asText()).isEqualTo("FULL");
        assertThat(p.has("next")).isFalse();
        assertThat(p.get("steps").size()).isEqualTo(26); // 25 steps + the second cultivation review
        assertThat(p.get("log").size()).isGreaterThanOrEqualTo(26);
        // the same person may not be stepped again
        assertThat(step(id, 25, f("date", TODAY.toString(), "attachments", "x")).status()).isEqualTo(409);
    }

    /** Steps 2–22 for a person who applied on {@code b}: returns the branch-meeting date of admission (step 15). */
    private LocalDate walkToConversionRequest(long id, LocalDate b, String sponsors, String documentNo) {
        LocalDate a = b.plusMonths(1);
        LocalDate y = a.plusYears(1);
        LocalDate m = y.plusMonths(1);
        ok(id, 2, f("date", b.plusDays(5).toString(), "people", "书记"));
        ok(id, 3, f("date", a.toString(), "attachments", "记录"));
        ok(id, 4, f("date", a.toString(), "attachments", "备案"));
        ok(id, 5, f("date", a.toString(), "memberIds", sponsors));
        ok(id, 6, f("date", a.plusMonths(6).toString(), "attachments", "考察"));
        ok(id, 7, f("date", y.toString(), "noticeFrom", y.minusDays(14).toString(), "noticeTo", y.minusDays(1).toString(), "attachments", "公示"));
        ok(id, 8, f("date", y.toString(), "attachments", "备案"));
        ok(id, 9, f("date", y.toString(), "memberIds", sponsors));
        ok(id, 10, f("date", y.toString(), "decision", "QUALIFIED", "attachments", "政审"));
        ok(id, 11, f("date", y.toString(), "trainingDays", 3, "trainingHours", 24, "attachments", "证书"));
        ok(id, 12, f("date", y.toString(), "attachments", "记录"));
        ok(id, 13, f("date", y.toString(), "decision", "QUALIFIED", "attachments", "预审"));
        ok(id, 14, f("date", y.toString(), "documentNo", documentNo));
        ok(id, 15, votes(m, 9, 9, 9));
        ok(id, 16, f("date", m.toString(), "people", "组织员"));
        ok(id, 17, f("date", m.toString(), "decision", "APPROVED"));
        ok(id, 18, f("date", m.toString(), "attachments", "备案"));
        ok(id, 19, group() == null ? f("date", m.toString()) : f("date", m.toString(), "groupOrgId", group()));
        ok(id, 20, f("date", m.toString()));
        ok(id, 21, f("date", m.plusMonths(6).toString(), "attachments", "考察"));
        LocalDate end = m.plusYears(1);
        ok(id, 22, f("date", end.toString(), "attachments", "转正申请"));
        return m;
    }

    @Test
    void probationIsExtendedOnceThenConverted() {
        LocalDate b = TODAY.minusYears(5).withDayOfMonth(3);
        long id = register("发展庚", TestIds.fresh(true), b);
        List<JsonNode> full = fullMembers(2);
        String sponsors = full.get(0).get("id").asText() + "," + full.get(1).get("id").asText();
        LocalDate m = walkToConversionRequest(id, b, sponsors, "ZY-7");
        LocalDate end = m.plusYears(1);
        Map<String, Object> ext = votes(end, 9, 9, 9);
        ext.put("decision", "EXTEND");
        ext.put("extensionMonths", 6);
        ok(id, 23, ext);
        ok(id, 24, f("date", end.plusMonths(1).toString(), "decision", "APPROVED"));
        JsonNode p = secretary.get("/api/v1/development/persons/" + id).json();
        long memberId = p.get("memberId").asLong();
        assertThat(p.at("/next/stepNo").asInt()).isEqualTo(23); // the meeting decides again (R2.11)
        assertThat(secretary.get("/api/v1/members/" + memberId).at("/probationExtensionMonths").asInt()).isEqualTo(6);
        LocalDate extendedEnd = m.plusMonths(18);
        ext.put("date", extendedEnd.toString());
        assertThat(refused(id, 23, ext)).contains("R2.11"); // once only
        Map<String, Object> conv = votes(extendedEnd.minusDays(1), 9, 9, 9);
        conv.put("decision", "CONVERT");
        conv.put("noticeFrom", extendedEnd.minusDays(20).toString());
        conv.put("noticeTo", extendedEnd.minusDays(2).toString());
        assertThat(refused(id, 23, conv)).contains("R2.10");
        conv.put("date", extendedEnd.toString());
        ok(id, 23, conv);
        ok(id, 24, f("date", extendedEnd.plusDays(20).toString(), "decision", "APPROVED"));
        JsonNode member = secretary.get("/api/v1/members/" + memberId).json();
        assertThat(member.get("category").asText()).isEqualTo("FULL");
        assertThat(member.get("fullMemberOn").asText()).isEqualTo(extendedEnd.toString()); // 党龄 from the end (R2.10)
    }

    private Api.Response amend(long id, int stepNo, LocalDate date) {
        int v = secretary.get("/api/v1/development/persons/" + id).at("/version").asInt();
        return secretary.post("/api/v1/development/persons/" + id + "/amendments", Api.json(f("version", v,
                "stepNo", stepNo, "round", 1, "date", date.toString(), "reason", "录入错误更正")));
    }

    /** Issue 19 point 12: an amendment re-runs the gates of the amended step and the later ones; refusals change nothing. */
    @Test
    void amendmentsRerunEveryGateAndUpdateDerivedDates() {
        LocalDate b = TODAY.minusYears(5).withDayOfMonth(3);
        long id = register("发展改", TestIds.fresh(true), b);
        List<JsonNode> full = fullMembers(2);
        String sponsors = full.get(0).get("id").asText() + "," + full.get(1).get("id").asText();
        LocalDate m = walkToConversionRequest(id, b, sponsors, "ZY-AM");
        LocalDate end = m.plusYears(1);
        Map<String, Object> conv = votes(end, 9, 9, 9);
        conv.put("decision", "CONVERT");
        conv.put("noticeFrom", end.minusDays(20).toString());
        conv.put("noticeTo", end.minusDays(2).toString());
        ok(id, 23, conv);
        JsonNode before = secretary.get("/api/v1/development/persons/" + id).json();

        assertThat(amend(id, 22, end.minusDays(5)).status()).isEqualTo(200); // the conversion request came earlier
        before = secretary.get("/api/v1/development/persons/" + id).json();
        // R2.10: the conversion meeting moved before the probation year ends
        Api.Response early = amend(id, 23, end.minusDays(1));
        assertThat(early.status()).as(early.body()).isEqualTo(400);
        assertThat(early.body()).contains("dev.gate.probationNotOver");
        // R2.1: an application date on which the applicant was 10
        LocalDate birth = LocalDate.parse(before.get("birthDate").asText());
        Api.Response child = amend(id, 1, birth.plusYears(10));
        assertThat(child.status()).as(child.body()).isEqualTo(400);
        assertThat(child.body()).contains("dev.gate.age");
        // art.13: step 7 moved to less than a year after the activist date (step 3)
        Api.Response activist = amend(id, 7, b.plusMonths(1).plusYears(1).minusDays(1));
        assertThat(activist.status()).as(activist.body()).isEqualTo(400);
        assertThat(activist.body()).contains("dev.gate.activistYear");
        // refused amendments changed nothing
        JsonNode same = secretary.get("/api/v1/development/persons/" + id).json();
        assertThat(same.get("version").asInt()).isEqualTo(before.get("version").asInt());
        assertThat(same.get("steps").toString()).isEqualTo(before.get("steps").toString());
        assertThat(same.at("/person/appliedOn").asText()).isEqualTo(b.toString());

        // a valid amendment of step 1 moves the application date with it
        Api.Response earlier = amend(id, 1, b.minusDays(10));
        assertThat(earlier.status()).as(earlier.body()).isEqualTo(200);
        assertThat(earlier.at("/person/appliedOn").asText()).isEqualTo(b.minusDays(10).toString());
    }

    @Test
    void aSponsorUnderProbationInThePartyIsRefused() {
        LocalDate b = TODAY.minusYears(3).withDayOfMonth(5);
        long id = register("发展壬", TestIds.fresh(true), b);
        List<JsonNode> full = fullMembers(2);
        // a fresh full member put under 留党察看 (R3.3: no rights until it ends)
        Api.Response created = secretary.post("/api/v1/members", Api.json(f("orgId", branchId, "name", "察看党员",
                "idNumber", TestIds.fresh(true), "ethnicity", "01", "category", "FULL", "joinedOn", "2011-07-01")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long disciplined = created.at("/id").asLong();
        Api.Response d = secretary.post("/api/v1/members/" + disciplined + "/events", "{\"type\":\"DISCIPLINED\",\"effectiveOn\":\""
                + TODAY + "\",\"disciplineType\":\"PROBATION_IN_PARTY\",\"untilOn\":\"" + TODAY.plusYears(1)
                + "\",\"reason\":\"违纪\",\"decidedBy\":\"党委\"}");
        assertThat(d.status()).as(d.body()).isEqualTo(200);
        String contacts = full.get(0).get("id").asText() + "," + full.get(1).get("id").asText();
        LocalDate a = b.plusMonths(1);
        LocalDate y = a.plusYears(1);
        ok(id, 2, f("date", b.plusDays(5).toString(), "people", "书记"));
        ok(id, 3, f("date", a.toString(), "attachments", "记录"));
        ok(id, 4, f("date", a.toString(), "attachments", "备案"));
        ok(id, 5, f("date", a.toString(), "memberIds", contacts));
        ok(id, 6, f("date", a.plusMonths(6).toString(), "attachments", "考察"));
        ok(id, 7, f("date", y.toString(), "noticeFrom", y.minusDays(14).toString(), "noticeTo", y.minusDays(1).toString(), "attachments", "公示"));
        ok(id, 8, f("date", y.toString(), "attachments", "备案"));
        assertThat(refused(id, 9, f("date", y.toString(), "memberIds", full.get(0).get("id").asText() + "," + disciplined)))
                .contains("memberIds");
        ok(id, 9, f("date", y.toString(), "memberIds", contacts));
    }

    @Test
    void cancellingProbationTakesThePersonOffTheRoster() {
        LocalDate b = TODAY.minusYears(5).withDayOfMonth(4);
        long id = register("发展辛", TestIds.fresh(false), b);
        List<JsonNode> full = fullMembers(2);
        String sponsors = full.get(0).get("id").asText() + "," + full.get(1).get("id").asText();
        LocalDate m = walkToConversionRequest(id, b, sponsors, "ZY-8");
        LocalDate end = m.plusYears(1);
        long memberId = secretary.get("/api/v1/development/persons/" + id).at("/memberId").asLong();
        assertThat(secretary.get("/api/v1/members/" + memberId).at("/category").asText()).isEqualTo("PROBATIONARY");
        Map<String, Object> cancel = votes(end, 9, 9, 9);
        cancel.put("decision", "CANCEL");
        ok(id, 23, cancel);
        ok(id, 24, f("date", end.plusMonths(1).toString(), "decision", "APPROVED"));
        // R2.11: cancelled probationary membership leaves the active roster and is recorded in the member history
        assertThat(secretary.get("/api/v1/members?size=200&q=" + Api.enc("发展辛")).body()).doesNotContain("\"id\":" + memberId + ",");
        assertThat(secretary.get("/api/v1/members/exited?size=200").body()).contains("\"id\":" + memberId)
                .contains("PROBATION_CANCELLED");
    }

    @Test
    void registrationRefusesMinorsAndSecondPipelines() {
        LocalDate birth = TODAY.minusYears(18).plusDays(1);
        String minor = TestIds.id(birth, false);
        Api.Response r = secretary.post("/api/v1/development/persons", Api.json(Map.of("orgId", branchId, "name", "年少",
                "idNumber", minor, "ethnicity", "01", "appliedOn", TODAY.toString(), "attachments", "申请书")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("R2.1");
        String idn = TestIds.fresh(false);
        register("发展乙", idn, TODAY.minusDays(3));
        r = secretary.post("/api/v1/development/persons", Api.json(Map.of("orgId", branchId, "name", "发展乙",
                "idNumber", idn, "ethnicity", "01", "appliedOn", TODAY.toString(), "attachments", "申请书")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("idNumber");
    }

    @Test
    void concurrentCompletionOfTheSameStepHasExactlyOneWinner() throws Exception {
        long id = register("发展丙", TestIds.fresh(true), TODAY.minusDays(10));
        int version = secretary.get("/api/v1/development/persons/" + id).at("/version").asInt();
        String body = Api.json(f("version", version, "date", TODAY.minusDays(2).toString(), "people", "张书记"));
        Api other = as("secretary");
        try (var pool = Executors.newFixedThreadPool(2)) {
            Callable<Integer> a = () -> secretary.post("/api/v1/development/persons/" + id + "/steps/2", body).status();
            Callable<Integer> c = () -> other.post("/api/v1/development/persons/" + id + "/steps/2", body).status();
            Future<Integer> fa = pool.submit(a);
            Future<Integer> fc = pool.submit(c);
            assertThat(List.of(fa.get(), fc.get())).containsExactlyInAnyOrder(200, 409);
        }
        JsonNode p = secretary.get("/api/v1/development/persons/" + id).json();
        assertThat(p.get("steps").size()).isEqualTo(2);
    }

    @Test
    void amendmentsAreLoggedWithReasonAndKeepTheOrder() {
        long id = register("发展丁", TestIds.fresh(false), TODAY.minusMonths(2));
        ok(id, 2, f("date", TODAY.minusMonths(1).toString(), "people", "张书记"));
        int v = secretary.get("/api/v1/development/persons/" + id).at("/version").asInt();
        Api.Response r = secretary.post("/api/v1/development/persons/" + id + "/amendments", Api.json(f("version", v,
                "stepNo", 2, "round", 1, "date", TODAY.minusMonths(3).toString(), "reason", "录入错误")));
        assertThat(r.status()).isEqualTo(400);
        r = secretary.post("/api/v1/development/persons/" + id + "/amendments", Api.json(f("version", v,
                "stepNo", 2, "round", 1, "date", TODAY.minusMonths(1).plusDays(2).toString(), "reason", "录入错误")));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("录入错误").contains("AMEND");
        // the to-do list and pipeline include this branch's people
        assertThat(secretary.get("/api/v1/development/pipeline").status()).isEqualTo(200);
        assertThat(secretary.get("/api/v1/development/todo").status()).isEqualTo(200);
        // 终止培养 closes the file; the same ID number may then apply again
        v = secretary.get("/api/v1/development/persons/" + id).at("/version").asInt();
        r = secretary.post("/api/v1/development/persons/" + id + "/terminate", Api.json(f("version", v,
                "date", TODAY.toString(), "reason", "本人撤回申请")));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.at("/person/state").asText()).isEqualTo("TERMINATED");
    }

    @Test
    void deadlinesAppearOnTheToDoListBeforeAndAfterTheyAreDue() {
        long late = register("发展戊", TestIds.fresh(true), TODAY.minusDays(40));
        long soon = register("发展己", TestIds.fresh(false), TODAY.minusDays(5));
        JsonNode todo = secretary.get("/api/v1/development/todo").json();
        assertThat(status(todo, late, "TALK")).isEqualTo("OVERDUE");
        assertThat(status(todo, soon, "TALK")).isEqualTo("DUE_SOON");
        // the pipeline of the township (a subtree) counts the branch's applicants and lists the overdue talk
        Api township = as("township");
        JsonNode pipe = township.get("/api/v1/development/pipeline").json();
        assertThat(pipe.at("/counts/APPLICANT").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(pipe.get("overdue").toString()).contains("\"personId\":" + late);
        assertThat(township.get("/api/v1/development/persons?orgId=" + branchId + "&state=APPLICANT&size=200").body())
                .contains("\"id\":" + soon);
    }

    private static String status(JsonNode todo, long personId, String kind) {
        for (JsonNode d : todo) {
            if (d.get("personId").asLong() == personId && d.get("kind").asText().equals(kind)) {
                return d.get("status").asText();
            }
        }
        return null;
    }

    /** A 党小组 of the secretary's branch, if the demo data gave it any. */
    private Long group() {
        for (JsonNode o : secretary.get("/api/v1/orgs/" + branchId + "/children").json()) {
            if (o.get("type").asText().equals("PARTY_GROUP")) {
                return o.get("id").asLong();
            }
        }
        return null;
    }

    private List<JsonNode> fullMembers(int n) {
        JsonNode items = secretary.get("/api/v1/members?category=FULL&size=" + n).at("/items");
        assertThat(items.size()).isEqualTo(n);
        return List.of(items.get(0), items.get(1));
    }
}
