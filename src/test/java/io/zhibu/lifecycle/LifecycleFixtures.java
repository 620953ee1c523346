package io.zhibu.lifecycle;

import io.zhibu.support.Api;
import io.zhibu.support.TestIds;

/** Creates throw-away members for the lifecycle tests (never the demo users' own records). */
final class LifecycleFixtures {
    private LifecycleFixtures() {
    }

    static long newMember(Api api, long branchId, String name, String category, String joinedOn) {
        Api.Response r = api.post("/api/v1/members", "{\"orgId\":" + branchId + ",\"name\":" + Api.quote(name)
                + ",\"idNumber\":\"" + TestIds.fresh(true) + "\",\"ethnicity\":\"01\",\"category\":\"" + category
                + "\",\"joinedOn\":\"" + joinedOn + "\"}");
        if (r.status() != 201) {
            throw new IllegalStateException(r.body());
        }
        return r.at("/id").asLong();
    }
}
