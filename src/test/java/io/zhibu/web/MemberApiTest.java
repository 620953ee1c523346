package io.zhibu.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.shared.IdCardNumber;
import io.zhibu.shared.PinyinInitials;
import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.TestIds;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MemberApiTest extends IntegrationTest {
    private Api secretary;
    private long branchId;

    @BeforeEach
    void setUp() {
        secretary = as("secretary");
        branchId = secretary.get("/api/v1/me").at("/orgId").asLong();
    }

    private Map<String, Object> validMember(String idNumber) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orgId", branchId);
        m.put("name", "测试党员");
        m.put("idNumber", idNumber);
        m.put("ethnicity", "01");
        m.put("education", "21");
        m.put("phone", "13912345678");
        m.put("address", "城关镇东关村 8 号");
        m.put("category", "FULL");
        m.put("joinedOn", "2010-07-01");
        return m;
    }

    @Test
    void rosterIsPagedWithTotal() {
        Api.Response r = secretary.get("/api/v1/members?page=0&size=5");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.at("/items").size()).isLessThanOrEqualTo(5);
        assertThat(r.at("/total").asLong()).isGreaterThanOrEqualTo(3);
        JsonNode first = r.at("/items/0");
        assertThat(first.get("idNumberMasked").asText()).matches("\\d{4}\\*{10}[\\dX]{4}");
    }

    @Test
    void searchByPinyinInitialsNameAndIdTail() {
        JsonNode m = secretary.get("/api/v1/members?size=1").at("/items/0");
        long id = m.get("id").asLong();
        String name = m.get("name").asText();

        String initials = PinyinInitials.of(name);
        assertThat(ids(secretary.get("/api/v1/members?size=200&q=" + initials))).contains(id);
        assertThat(ids(secretary.get("/api/v1/members?size=200&q=" + Api.enc(name.substring(1))))).contains(id);

        String fullId = secretary.post("/api/v1/members/" + id + "/reveal", null).at("/idNumber").asText();
        assertThat(IdCardNumber.parse(fullId, "x", LocalDate.now()).value()).isEqualTo(fullId);
        assertThat(ids(secretary.get("/api/v1/members?size=200&q=" + fullId.substring(14)))).contains(id);
        assertThat(ids(secretary.get("/api/v1/members?size=200&q=" + fullId))).containsExactly(id);
    }

    /**
     * Issue 20: name search from the GIN index of character pairs on PostgreSQL (LIKE on H2) finds exactly the names
     * holding the fragment — one character, a pair, a whole name, a fragment no name holds, LIKE's wildcards as text.
     */
    @Test
    void nameSearchFindsExactlyTheNamesHoldingTheFragment() {
        Map<Long, String> roster = new LinkedHashMap<>();
        for (int page = 0; ; page++) {
            Api.Response r = secretary.get("/api/v1/members?size=200&page=" + page);
            r.at("/items").valueStream().forEach(n -> roster.put(n.get("id").asLong(), n.get("name").asText()));
            if (r.at("/items").size() < 200) {
                break;
            }
        }
        String name = roster.values().stream().filter(n -> n.codePointCount(0, n.length()) >= 3).findFirst().orElseThrow();
        for (String q : java.util.List.of(name.substring(0, 1), name.substring(1, 3), name, name.substring(0, 2),
                name.substring(name.length() - 1), "曌", "%", "_", name.charAt(0) + "%")) {
            java.util.Set<Long> expected = new java.util.TreeSet<>();
            roster.forEach((id, n) -> {
                if (n.contains(q)) {
                    expected.add(id);
                }
            });
            java.util.Set<Long> found = new java.util.TreeSet<>();
            for (int page = 0; ; page++) {
                Api.Response r = secretary.get("/api/v1/members?size=200&page=" + page + "&q=" + Api.enc(q));
                assertThat(r.at("/total").asLong()).as("total of " + q).isEqualTo(expected.size());
                found.addAll(ids(r));
                if (r.at("/items").size() < 200) {
                    break;
                }
            }
            assertThat(found).as(q).isEqualTo(expected);
            // a page past the end still tells the total (the search counts in the page query; issue 20)
            Api.Response past = secretary.get("/api/v1/members?size=200&page=50&q=" + Api.enc(q));
            assertThat(past.at("/items").size()).isZero();
            assertThat(past.at("/total").asLong()).as("total past the end, " + q).isEqualTo(expected.size());
        }
    }

    @Test
    void filtersNarrowTheRoster() {
        long all = secretary.get("/api/v1/members").at("/total").asLong();
        long male = secretary.get("/api/v1/members?gender=MALE").at("/total").asLong();
        long female = secretary.get("/api/v1/members?gender=FEMALE").at("/total").asLong();
        assertThat(male + female).isEqualTo(all);
        long full = secretary.get("/api/v1/members?category=FULL").at("/total").asLong();
        long prob = secretary.get("/api/v1/members?category=PROBATIONARY").at("/total").asLong();
        assertThat(full + prob).isEqualTo(all);
        long bands = 0;
        for (String b : new String[] {"UP_TO_35", "FROM_36_TO_45", "FROM_46_TO_55", "FROM_56_TO_65", "OVER_65"}) {
            bands += secretary.get("/api/v1/members?ageBand=" + b).at("/total").asLong();
        }
        assertThat(bands).isEqualTo(all);
        assertThat(secretary.get("/api/v1/members?ageBand=NOPE").status()).isEqualTo(400);
    }

    @Test
    void createDerivesBirthAndGenderAndMasksTheId() {
        String idNumber = TestIds.id(LocalDate.of(1985, 3, 14), false);
        Api.Response r = secretary.post("/api/v1/members", Api.json(validMember(idNumber)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.at("/birthDate").asText()).isEqualTo("1985-03-14");
        assertThat(r.at("/gender").asText()).isEqualTo("FEMALE");
        assertThat(r.at("/fullMemberOn").asText()).isEqualTo("2011-07-01");
        assertThat(r.at("/idNumberMasked").asText()).isEqualTo(IdCardNumber.mask(idNumber));
        assertThat(r.body()).doesNotContain(idNumber).doesNotContain("13912345678");
        long id = r.at("/id").asLong();
        Api.Response revealed = secretary.post("/api/v1/members/" + id + "/reveal", null);
        assertThat(revealed.at("/idNumber").asText()).isEqualTo(idNumber);
        assertThat(revealed.at("/phone").asText()).isEqualTo("13912345678");

        Api.Response audit = as("auditor").get("/api/v1/audit?action=member.reveal&actor=secretary&size=5");
        assertThat(audit.at("/items/0/targetId").asText()).isEqualTo(String.valueOf(id));
        assertThat(audit.at("/items/0/intact").asBoolean()).isTrue();
    }

    @Test
    void badInputGetsFieldErrorsAndWritesNothing() {
        long before = secretary.get("/api/v1/members").at("/total").asLong();
        String good = TestIds.fresh(true);
        String badChecksum = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        expectFieldError(with("idNumber", badChecksum), "idNumber", "check character");
        expectFieldError(with("idNumber", "12345"), "idNumber", null);
        expectFieldError(with("gender", "FEMALE", "idNumber", TestIds.fresh(true)), "gender", null);
        expectFieldError(with("birthDate", "1950-01-01", "idNumber", TestIds.fresh(true)), "birthDate", null);
        expectFieldError(with("name", "<script>alert(1)</script>"), "name", null);
        expectFieldError(with("name", "张".repeat(51)), "name", null);
        expectFieldError(with("phone", "12345"), "phone", null);
        expectFieldError(with("joinedOn", LocalDate.now().plusDays(3).toString()), "joinedOn", null);
        String young = TestIds.id(LocalDate.now().minusYears(19), true);
        expectFieldError(with("idNumber", young, "joinedOn", LocalDate.now().minusYears(2).toString()), "joinedOn", null);
        expectFieldError(with("joinedOn", LocalDate.now().minusMonths(3).toString()), "category", null);
        expectFieldError(with("orgId", 999999), "orgId", null);
        expectFieldError(with("ethnicity", "77"), "ethnicity", null);
        expectFieldError(with("probationExtensionMonths", 3), "probationExtensionMonths", null);
        assertThat(secretary.post("/api/v1/members", "{\"orgId\": \"abc\"}").status()).isEqualTo(400);

        String dup = TestIds.fresh(true);
        assertThat(secretary.post("/api/v1/members", Api.json(with("idNumber", dup))).status()).isEqualTo(201);
        expectFieldError(with("idNumber", dup), "idNumber", "already registered");
        assertThat(secretary.get("/api/v1/members").at("/total").asLong()).isEqualTo(before + 1);
    }

    @Test
    void staleVersionIsAConflict() {
        Api.Response created = secretary.post("/api/v1/members", Api.json(validMember(TestIds.fresh(true))));
        long id = created.at("/id").asLong();
        Map<String, Object> edit = validMember("");
        edit.put("name", "改名党员");
        edit.put("version", 0);
        assertThat(secretary.put("/api/v1/members/" + id, Api.json(edit)).status()).isEqualTo(200);
        Api.Response again = secretary.put("/api/v1/members/" + id, Api.json(edit));
        assertThat(again.status()).isEqualTo(409);
        assertThat(secretary.get("/api/v1/members/" + id).at("/name").asText()).isEqualTo("改名党员");
    }

    @Test
    void aMemberSeesOnlyThemselvesAndCannotWrite() {
        Api member = as("member");
        long self = member.get("/api/v1/me").at("/memberId").asLong();
        assertThat(member.get("/api/v1/members/" + self).status()).isEqualTo(200);
        assertThat(member.post("/api/v1/members/" + self + "/reveal", null).status()).isEqualTo(200);
        assertThat(member.post("/api/v1/members", Api.json(validMember(TestIds.fresh(true)))).status()).isEqualTo(403);
        long other = secretary.get("/api/v1/members?size=50").at("/items").valueStream()
                .mapToLong(n -> n.get("id").asLong()).filter(x -> x != self).findFirst().orElseThrow();
        assertThat(member.get("/api/v1/members/" + other).status()).isEqualTo(404);
    }

    private Map<String, Object> with(Object... kv) {
        Map<String, Object> m = validMember(TestIds.fresh(true));
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private void expectFieldError(Map<String, Object> body, String field, String messagePart) {
        Api.Response r = secretary.post("/api/v1/members", Api.json(body));
        assertThat(r.status()).as(field + ": " + r.body()).isEqualTo(400);
        assertThat(r.json().get("status").asInt()).isEqualTo(400);
        boolean found = false;
        for (JsonNode e : r.at("/errors")) {
            if (e.get("field").asText().equals(field)) {
                found = true;
                if (messagePart != null) {
                    assertThat(e.get("message").asText()).contains(messagePart);
                }
            }
        }
        assertThat(found).as("field error on " + field + " in " + r.body()).isTrue();
    }

    private static java.util.List<Long> ids(Api.Response r) {
        return r.at("/items").valueStream().map(n -> n.get("id").asLong()).toList();
    }
}
