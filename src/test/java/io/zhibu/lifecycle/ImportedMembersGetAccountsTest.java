package io.zhibu.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import io.zhibu.support.TestIds;
import org.junit.jupiter.api.Test;

/** Issue 15: members registered by a roster import get their (unactivated) accounts in the same commit. */
class ImportedMembersGetAccountsTest extends IntegrationTest {
    @Test
    void importedMembersHaveUnactivatedAccounts() {
        Api secretary = as("secretary");
        long branchId = secretary.get("/api/v1/me").at("/orgId").asLong();
        String branchCode = as("admin").get("/api/v1/orgs/" + branchId).at("/code").asText();
        String a = RosterImportApiTest.uniqueName();
        String b = RosterImportApiTest.uniqueName();
        Uploads files = new Uploads(port, "secretary");
        Uploads.Result r = files.upload("/api/v1/members/imports", "accounts.csv", RosterImportApiTest.csv(
                RosterImportApiTest.row(a, TestIds.fresh(true), branchCode, "正式党员", "2012-07-01"),
                RosterImportApiTest.row(b, TestIds.fresh(false), branchCode, "正式党员", "2011-07-01")));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Uploads.Result commit = files.post("/api/v1/members/imports/" + r.at("/token").asText() + "/commit");
        assertThat(commit.at("/inserted").asInt()).as(commit.body()).isEqualTo(2);
        Api secadmin = as("secadmin");
        for (String name : new String[] {a, b}) {
            Api.Response found = secadmin.get("/api/v1/accounts?q=" + Api.enc(name));
            assertThat(found.at("/total").asLong()).as(name).isEqualTo(1);
            assertThat(found.at("/items/0/status").asText()).isEqualTo("UNACTIVATED");
            assertThat(found.at("/items/0/login").asText()).matches("M\\d{8,}");
            assertThat(found.at("/items/0/orgId").asLong()).isEqualTo(branchId);
        }
    }
}
