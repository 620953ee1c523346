package io.zhibu.serving;

import io.zhibu.account.AccountService;
import io.zhibu.shared.Role;
import io.zhibu.support.Api;
import io.zhibu.support.IntegrationTest;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The demo county's 双报到 cast for a test: an in-service (agency) branch and one of its members that has not
 * reported this year, a community branch of the same county, and fresh accounts for the member, the community's
 * secretary and the unit's secretary.
 */
public record ServingFixture(long unitId, String unitName, long memberId, long communityId, String communityName,
                             String memberUser, String communityUser, String unitUser) {

    /** {@code pick}: which member of the agency branches (tests use different ones so they never collide). */
    public static ServingFixture create(Api admin, AccountService accounts, int pick) {
        JsonNode orgs = admin.get("/api/v1/orgs?type=BRANCH&limit=2000").json();
        long unit = -1;
        String unitName = null;
        long community = -1;
        String communityName = null;
        long member = -1;
        int seen = 0;
        for (JsonNode o : orgs) {
            String domain = o.get("domain").asText();
            if (community < 0 && domain.equals("COMMUNITY") && o.get("status").asText().equals("ACTIVE")) {
                community = o.get("id").asLong();
                communityName = o.get("name").asText();
            }
        }
        for (JsonNode o : orgs) {
            if (!o.get("domain").asText().equals("AGENCY") || !o.get("status").asText().equals("ACTIVE")) {
                continue;
            }
            for (JsonNode m : admin.get("/api/v1/members?size=20&orgId=" + o.get("id").asLong()).at("/items")) {
                if (seen++ == pick) {
                    unit = o.get("id").asLong();
                    unitName = o.get("name").asText();
                    member = m.get("id").asLong();
                    break;
                }
            }
            if (member > 0) {
                break;
            }
        }
        if (unit < 0 || community < 0) {
            throw new IllegalStateException("the demo county has no agency or community branch");
        }
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String memberUser = "sv-m-" + tag;
        String communityUser = "sv-c-" + tag;
        String unitUser = "sv-u-" + tag;
        accounts.createUser(memberUser, "报到党员", IntegrationTest.PASSWORD, Role.MEMBER, null, member);
        accounts.createUser(communityUser, "社区书记", IntegrationTest.PASSWORD, Role.BRANCH_SECRETARY, community, null);
        accounts.createUser(unitUser, "单位书记", IntegrationTest.PASSWORD, Role.BRANCH_SECRETARY, unit, null);
        return new ServingFixture(unit, unitName, member, community, communityName, memberUser, communityUser, unitUser);
    }
}
