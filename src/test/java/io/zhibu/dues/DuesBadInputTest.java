package io.zhibu.dues;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Malformed input to every dues endpoint answers a clear 4xx, never a 500, and writes nothing. */
class DuesBadInputTest extends IntegrationTest {

    @Test
    void malformedRequestsAreRefusedCleanly() {
        Api secretary = as("secretary");
        long branch = secretary.get("/api/v1/me").at("/orgId").asLong();
        long member = secretary.get("/api/v1/members?size=1").at("/items/0/id").asLong();
        String before = secretary.get("/api/v1/dues/accounts/" + member).body();
        List<String[]> calls = List.of(
                new String[] {"GET", "/api/v1/dues/quote?category=EMPLOYED&monthlyIncome=abc", null},
                new String[] {"GET", "/api/v1/dues/quote?category=EMPLOYED&monthlyIncome=1e400", null},
                new String[] {"GET", "/api/v1/dues/quote?category=EMPLOYED&monthlyIncome=-1", null},
                new String[] {"GET", "/api/v1/dues/accounts?orgId=abc", null},
                new String[] {"GET", "/api/v1/dues/accounts/abc", null},
                new String[] {"PUT", "/api/v1/dues/accounts/" + member + "/base", "{\"category\":\"NOBODY\",\"version\":0}"},
                new String[] {"PUT", "/api/v1/dues/accounts/" + member + "/base", "{\"category\":\"EMPLOYED\",\"monthlyIncome\":\"x\",\"version\":0}"},
                new String[] {"PUT", "/api/v1/dues/accounts/" + member + "/base", "not json"},
                new String[] {"POST", "/api/v1/dues/bills/issue", "{\"period\":\"2026-13\"}"},
                new String[] {"POST", "/api/v1/dues/bills/issue", "{}"},
                new String[] {"POST", "/api/v1/dues/accounts/" + member + "/offline-payments", "{\"upTo\":\"x\"}"},
                new String[] {"POST", "/api/v1/dues/accounts/" + member + "/offline-payments", "{}"},
                new String[] {"POST", "/api/v1/dues/accounts/" + member + "/offline-payments",
                        "{\"upTo\":\"2026-01\",\"method\":\"CHEQUE\",\"receiptNo\":\"<script>\",\"idempotencyKey\":\"short\"}"},
                new String[] {"POST", "/api/v1/dues/payments/999999999/reverse", "{\"reason\":\"x\"}"},
                new String[] {"GET", "/api/v1/dues/publicity?orgId=" + branch + "&from=2026-99", null},
                new String[] {"GET", "/api/v1/dues/collection?period=yesterday", null},
                new String[] {"GET", "/api/v1/dues/reconciliation?orgId=" + branch + "&month=x", null},
                new String[] {"GET", "/api/v1/dues/reconciliation/report?orgId=" + branch + "&from=2026-05&to=2026-01", null},
                new String[] {"POST", "/api/v1/dues/accounts/" + member + "/reliefs", "{}"},
                new String[] {"POST", "/api/v1/dues/accounts/" + member + "/reliefs", "{\"kind\":\"EXEMPT\",\"from\":\"2026-1\"}"},
                new String[] {"POST", "/api/v1/dues/accounts/" + member + "/reliefs",
                        "{\"kind\":\"REDUCED\",\"monthlyAmount\":\"lots\",\"from\":\"2026-01\",\"to\":\"2026-01\",\"reason\":\"x\",\"decidedOn\":\"2026-01-01\"}"},
                new String[] {"GET", "/api/v1/dues/reliefs?status=MAYBE", null},
                new String[] {"POST", "/api/v1/dues/reliefs/999999999/approve", "{\"version\":0}"},
                new String[] {"POST", "/api/v1/dues/reliefs/abc/reject", "{\"version\":0,\"note\":\"x\"}"},
                new String[] {"POST", "/api/v1/dues/remittances", "{}"},
                new String[] {"POST", "/api/v1/dues/remittances", "{\"orgId\":" + branch + ",\"amount\":1e20}"},
                new String[] {"POST", "/api/v1/dues/remittances", "{\"orgId\":" + branch + ",\"remittedOn\":\"2026-02-30\"}"},
                new String[] {"GET", "/api/v1/dues/remittances?from=2026-05&to=2026-01", null},
                new String[] {"POST", "/api/v1/dues/remittances/999999999/confirm", "{\"version\":0}"});
        for (String[] c : calls) {
            Api.Response r = secretary.send(c[0], c[1], c[2]);
            assertThat(r.status()).as(c[0] + " " + c[1] + " " + c[2] + " → " + r.body()).isBetween(400, 409);
        }
        assertThat(secretary.get("/api/v1/dues/accounts/" + member).body()).isEqualTo(before);
    }
}
