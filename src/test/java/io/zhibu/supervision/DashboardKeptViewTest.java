package io.zhibu.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.shared.DataScope;
import io.zhibu.shared.Role;
import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.TestIds;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 20: every caller of one kept dashboard snapshot gets the same view object, and the API answers with its JSON
 * serialized once (same bytes, an ETag, 304 for If-None-Match); a change that reaches the rollups gives a new view,
 * a new body and a new ETag — never the old body.
 */
class DashboardKeptViewTest extends IntegrationTest {
    @Autowired
    Dashboards dashboards;
    @Autowired
    Rollups rollups;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void oneViewPerSnapshotOrderAndDepthAndItsJsonWithAnETag() throws Exception {
        rollups.applyPending();
        Api county = as("county");
        long orgId = county.get("/api/v1/me").at("/orgId").asLong();
        String token = token("county");
        String path = "/api/v1/supervision/dashboard?orgId=" + orgId;

        HttpResponse<String> first = get(path, token, null);
        HttpResponse<String> second = get(path, token, null);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(second.headers().firstValue("ETag")).contains(etag);
        assertThat(second.body()).isEqualTo(first.body());
        // the application's JSON settings (non-null inclusion) and the same fields as before
        assertThat(first.body()).doesNotContain(":null").contains("\"orgId\":" + orgId, "\"children\":[", "\"figures\":{");
        assertThat(county.get(path).at("/orgId").asLong()).isEqualTo(orgId);

        HttpResponse<String> notModified = get(path, token, etag);
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        // another order is another view (and another body)
        HttpResponse<String> byMembers = get(path + "&rank=MEMBERS", token, etag);
        assertThat(byMembers.statusCode()).isEqualTo(200);
        assertThat(byMembers.headers().firstValue("ETag")).isNotEqualTo(java.util.Optional.of(etag));

        // the same view object for two callers with the same scope depth; a deeper-rooted caller gets its own
        DataScope admin = new DataScope(1L, "admin", Role.ADMIN, null, "", null, null);
        assertThat(dashboards.dashboard(admin, orgId, null, null)).isSameAs(dashboards.dashboard(admin, orgId, null, null));

        // a new member in the county reaches the rollups: a new view, a new body and ETag, the new total
        long before = county.get(path).at("/figures/member.total").asLong();
        long branch = as("secretary").get("/api/v1/me").at("/orgId").asLong();
        Api.Response created = as("admin").post("/api/v1/members", "{\"orgId\":" + branch + ",\"name\":\"看板缓存\","
                + "\"idNumber\":\"" + TestIds.fresh(true) + "\",\"ethnicity\":\"01\",\"education\":\"21\","
                + "\"category\":\"FULL\",\"joinedOn\":\"2020-07-01\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        rollups.applyPending();
        HttpResponse<String> after = get(path, token, etag);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.headers().firstValue("ETag")).isNotEqualTo(java.util.Optional.of(etag));
        assertThat(county.get(path).at("/figures/member.total").asLong()).isEqualTo(before + 1);
    }

    private String token(String user) {
        return api().post("/api/v1/auth/login", "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}")
                .at("/token").asText();
    }

    private HttpResponse<String> get(String path, String token, String ifNoneMatch) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token);
        if (ifNoneMatch != null) {
            b.header("If-None-Match", ifNoneMatch);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
