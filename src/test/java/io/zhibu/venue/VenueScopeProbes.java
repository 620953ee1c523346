package io.zhibu.venue;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.support.Api;
import io.zhibu.support.ScopeContext;
import io.zhibu.support.ScopeProbeSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Scope probes of the venue register: a venue of the foreign branch (registered once by the administrator) answers
 * 404 to the secretary and the township staff; the secretary's own venue answers 200 to the secretary (positive).
 */
public class VenueScopeProbes implements ScopeProbeSet {
    private static Long foreign;
    private static Long own;

    static synchronized long foreign(ScopeContext t) {
        if (foreign == null) {
            Api.Response r = t.as("admin").post("/api/v1/venues", "{\"orgId\":" + t.facts().foreignBranchId()
                    + ",\"name\":\"外乡党员活动室\",\"kind\":\"ACTIVITY_ROOM\",\"address\":\"外乡某村\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            foreign = r.at("/id").asLong();
        }
        return foreign;
    }

    static synchronized long own(ScopeContext t) {
        if (own == null) {
            Api.Response r = t.secretary().post("/api/v1/venues", "{\"orgId\":" + t.facts().ownBranchId()
                    + ",\"name\":\"本支部党员活动室\",\"kind\":\"ACTIVITY_ROOM\",\"address\":\"东关村村委会二楼\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            own = r.at("/id").asLong();
        }
        return own;
    }

    @Override
    public Map<String, Consumer<ScopeContext>> probes() {
        Map<String, Consumer<ScopeContext>> p = new LinkedHashMap<>();
        String api = "/api/v1/venues";
        p.put("GET /api/v1/venues", t -> {
            long f = foreign(t);
            t.township404("GET", api + "?orgId=" + t.facts().foreignBranchId(), null);
            for (var v : t.township().get(api).json()) {
                assertThat(v.get("id").asLong()).isNotEqualTo(f);
            }
            long mine = own(t);
            Api.Response list = t.secretary().get(api + "?orgId=" + t.facts().ownBranchId());
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.body()).contains("\"id\":" + mine);
        });
        p.put("GET /api/v1/venues/tiers", t -> t.township404("GET", api + "/tiers?orgId=" + t.facts().foreignBranchId(), null));
        p.put("GET /api/v1/venues/{id}", t -> {
            t.api404("GET", api + "/" + foreign(t));
            t.township404("GET", api + "/" + foreign(t), null);
            assertThat(t.secretary().get(api + "/" + own(t)).status()).isEqualTo(200);
        });
        p.put("POST /api/v1/venues", t -> {
            t.township404("POST", api, "{\"orgId\":" + t.facts().foreignBranchId()
                    + ",\"name\":\"x\",\"kind\":\"OTHER\",\"address\":\"x\"}");
            t.api404("POST", api, "{\"orgId\":" + t.facts().foreignBranchId() + ",\"name\":\"x\",\"kind\":\"OTHER\",\"address\":\"x\"}");
        });
        p.put("PUT /api/v1/venues/{id}", t -> t.township404("PUT", api + "/" + foreign(t),
                "{\"name\":\"x\",\"kind\":\"OTHER\",\"address\":\"x\",\"version\":0}"));
        p.put("POST /api/v1/venues/{id}/inspections", t -> t.township404("POST", api + "/" + foreign(t) + "/inspections",
                "{\"inspectedOn\":\"2026-01-05\",\"inspector\":\"x\",\"place\":1,\"signage\":1,\"rules\":1,\"equipment\":1,\"use\":1}"));
        // --- pages
        p.put("GET /venues", t -> {
            t.page404(t.townshipWeb().get("/venues?orgId=" + t.facts().foreignBranchId()));
            assertThat(t.secretaryWeb().get("/venues").status()).isEqualTo(200);
        });
        p.put("POST /venues", t -> t.page404(t.townshipWeb().post("/venues", Map.of("orgId", "" + t.facts().foreignBranchId(),
                "name", "x", "kind", "OTHER", "address", "x"))));
        p.put("GET /venues/{id}", t -> {
            t.page404(t.secretaryWeb().get("/venues/" + foreign(t)));
            t.page404(t.townshipWeb().get("/venues/" + foreign(t)));
            assertThat(t.secretaryWeb().get("/venues/" + own(t)).status()).isEqualTo(200);
        });
        p.put("POST /venues/{id}", t -> t.page404(t.townshipWeb().post("/venues/" + foreign(t), Map.of("name", "x",
                "kind", "OTHER", "address", "x", "version", "0"))));
        p.put("POST /venues/{id}/inspections", t -> t.page404(t.townshipWeb().post("/venues/" + foreign(t) + "/inspections",
                Map.of("inspectedOn", "2026-01-05", "inspector", "x", "place", "1", "signage", "1", "rules", "1",
                        "equipment", "1", "use", "1"))));
        // photos (issue 18 point 2)
        p.put("POST /api/v1/venues/{id}/photos", t -> {
            assertThat(t.township().multipart(api + "/" + foreign(t) + "/photos", "p.png", io.zhibu.support.TestFiles.png())
                    .status()).isEqualTo(404);
            assertThat(t.secretary().multipart(api + "/" + foreign(t) + "/photos", "p.png", io.zhibu.support.TestFiles.png())
                    .status()).isEqualTo(404);
            // positive owner case
            assertThat(t.secretary().multipart(api + "/" + own(t) + "/photos", "p.png", io.zhibu.support.TestFiles.png())
                    .status()).isEqualTo(201);
        });
        p.put("GET /api/v1/venues/{id}/photos/{photoId}", t -> {
            long photo = foreignPhoto(t);
            t.township404("GET", api + "/" + foreign(t) + "/photos/" + photo, null);
            t.api404("GET", api + "/" + foreign(t) + "/photos/" + photo);
            // the own venue's id with the foreign photo's id: not found either
            t.api404("GET", api + "/" + own(t) + "/photos/" + photo);
        });
        p.put("POST /venues/{id}/photos", t -> t.page404(t.townshipWeb().post("/venues/" + foreign(t) + "/photos", Map.of())));
        return p;
    }

    private static Long foreignPhoto;

    static synchronized long foreignPhoto(ScopeContext t) {
        if (foreignPhoto == null) {
            Api.Response r = t.as("admin").multipart("/api/v1/venues/" + foreign(t) + "/photos", "f.png",
                    io.zhibu.support.TestFiles.png());
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            foreignPhoto = r.at("/photos/0/id").asLong();
        }
        return foreignPhoto;
    }
}
