package io.zhibu.support;

import tools.jackson.databind.JsonNode;

/**
 * Ids from the demo county, discovered through the API: the secretary's branch and a member of it, the township
 * around it, and a branch (with a member) in a different township — the "foreign" data scope tests aim at.
 */
public record DemoFacts(long ownBranchId, String ownBranchPath, long ownMemberId, long townshipId, long foreignTownshipId,
                        long foreignBranchId, String foreignBranchName, long foreignMemberId) {

    public static DemoFacts discover(Api admin, Api secretary, Api township) {
        long ownBranch = secretary.get("/api/v1/me").at("/orgId").asLong();
        String ownPath = admin.get("/api/v1/orgs/" + ownBranch).at("/path").asText();
        long ownMember = secretary.get("/api/v1/members?size=1").at("/items/0/id").asLong();
        long townshipId = township.get("/api/v1/me").at("/orgId").asLong();
        String townshipPath = admin.get("/api/v1/orgs/" + townshipId).at("/path").asText();
        long foreignBranch = -1;
        String foreignName = null;
        long foreignTownship = -1;
        for (JsonNode o : admin.get("/api/v1/orgs?type=BRANCH&limit=200").json()) {
            if (!o.get("path").asText().startsWith(townshipPath) && o.get("depth").asInt() >= 3) {
                foreignBranch = o.get("id").asLong();
                foreignName = o.get("name").asText();
                String p = o.get("path").asText();
                foreignTownship = Long.parseLong(p.substring(8, 16));
                break;
            }
        }
        long foreignMember = admin.get("/api/v1/members?size=1&orgId=" + foreignBranch).at("/items/0/id").asLong();
        if (foreignBranch < 0 || foreignMember == 0) {
            throw new IllegalStateException("demo data has no branch outside the demo township");
        }
        return new DemoFacts(ownBranch, ownPath, ownMember, townshipId, foreignTownship, foreignBranch, foreignName,
                foreignMember);
    }
}
