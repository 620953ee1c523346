package io.zhibu.supervision.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.Role;
import io.zhibu.supervision.Dashboard;
import io.zhibu.supervision.Dashboards;
import io.zhibu.supervision.Rollups;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** Supervision API (督导): dashboards, rankings and the rollup jobs. */
@RestController
@RequestMapping("/api/v1/supervision")
@Tag(name = "supervision", description = "Dashboards from rollups, rankings, rollup jobs (督导)")
public class SupervisionApiController {
    private final Dashboards dashboards;
    private final Rollups rollups;
    /** The JSON of each kept dashboard view, serialized once with the application's mapper (see {@link KeptJson}). */
    private final KeptJson<KeptJson.Body> bodies;

    public SupervisionApiController(Dashboards dashboards, Rollups rollups, JsonMapper json) {
        this.dashboards = dashboards;
        this.rollups = rollups;
        this.bodies = new KeptJson<>(view -> KeptJson.Body.of(json.writeValueAsBytes(view)));
    }

    @GetMapping("/dashboard")
    @Operation(summary = "Key figures of an organization's subtree for a period (2026, 2026-Q4, 2026-11), children ranked")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Dashboard.class)))
    public ResponseEntity<byte[]> dashboard(@RequestParam(required = false) Long orgId,
                                            @RequestParam(required = false) String period,
                                            @RequestParam(required = false) String rank,
                                            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        // scope checked on every call; the body is the kept view's, serialized once (issue 20)
        KeptJson.Body body = bodies.of(dashboards.dashboard(CurrentScope.get(), orgId, period, rank));
        if (body.etag().equals(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(body.etag()).build();
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).eTag(body.etag()).body(body.bytes());
    }

    @GetMapping("/dashboard/live")
    @Operation(summary = "The same figures counted live over the modules' rows (benchmark baseline; administrator)")
    public Map<Long, Map<String, Long>> live(@RequestParam(required = false) Long orgId,
                                            @RequestParam(required = false) String period) {
        var scope = CurrentScope.get();
        if (scope.role() != Role.ADMIN) {
            throw new ForbiddenException("the live baseline is the administrator's");
        }
        return dashboards.liveFigures(scope, orgId, period);
    }

    @GetMapping("/rankings")
    @Operation(summary = "Every branch of the subtree ranked by a figure (MEETING_RATE, DUES_RATE, MEMBERS, PIPELINE, TERMS_DUE)")
    public List<Dashboards.BranchRank> rankings(@RequestParam(required = false) Long orgId,
                                                @RequestParam(required = false) String period,
                                                @RequestParam(required = false) String rank,
                                                @RequestParam(defaultValue = "100") int limit) {
        return dashboards.branchRanking(CurrentScope.get(), orgId, period, rank, Math.min(limit, 10_000));
    }

    @PostMapping("/rollups/rebuild")
    @Operation(summary = "Start a full rollup rebuild in the background (administrator); poll the run")
    public Rollups.Run rebuild() {
        return rollups.rebuild(CurrentScope.get());
    }

    @PostMapping("/rollups/check")
    @Operation(summary = "Compare the incremental rollups with a fresh rebuild (administrator); empty = equal")
    public List<String> check() {
        return rollups.check(CurrentScope.get(), 50);
    }

    @GetMapping("/rollups/runs")
    @Operation(summary = "Recent rollup runs (administrator)")
    public List<Rollups.Run> runs() {
        return rollups.runs(CurrentScope.get());
    }

    @GetMapping("/rollups/runs/{id}")
    @Operation(summary = "One rollup run: status, cells written, duration (administrator)")
    public Rollups.Run run(@PathVariable long id) {
        return rollups.run(CurrentScope.get(), id);
    }
}
