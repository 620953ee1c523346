package io.zhibu.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhibu.command.DebriefService;
import io.zhibu.command.DebriefViews;
import io.zhibu.shared.CurrentScope;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 述职评议考核 (issue 17 points 7 and 8): open a round, file, grade, publish, read rounds and results in scope. */
@RestController
@RequestMapping("/api/v1/debriefs")
@Tag(name = "debriefs", description = "Secretaries' annual report and evaluation (述职评议考核, issue 17)")
public class DebriefApiController {
    private final DebriefService debriefs;

    public DebriefApiController(DebriefService debriefs) {
        this.debriefs = debriefs;
    }

    @GetMapping
    @Operation(summary = "Rounds the caller runs and reports in its scope; orgId = that organization's rounds and history")
    public DebriefViews.Listing list(@RequestParam(required = false) Integer year,
                                     @RequestParam(required = false) Long orgId) {
        return debriefs.list(CurrentScope.get(), year, orgId);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open the caller's organization's round {year, targets: {orgIds:[…]} | {rootOrgId, level|type|domain}}")
    public Map<String, Long> open(@RequestBody DebriefViews.NewDebrief body) {
        return Map.of("id", debriefs.open(CurrentScope.get(), body));
    }

    @GetMapping("/{id}")
    @Operation(summary = "The round's board (its owner)")
    public DebriefViews.Board board(@PathVariable long id) {
        return debriefs.board(CurrentScope.get(), id);
    }

    @PostMapping("/{id}/reports")
    @Operation(summary = "述职报告: the caller's organization files its report {text}")
    public DebriefViews.Report file(@PathVariable long id, @RequestBody DebriefViews.Filing body) {
        return debriefs.file(CurrentScope.get(), id, body);
    }

    @PostMapping("/{id}/reports/{orgId}/grades")
    @Operation(summary = "评议: the owner records one evaluator's grade {evaluator, kind: LEADER|REPRESENTATIVE, grade: GOOD|FAIRLY_GOOD|AVERAGE|POOR}")
    public DebriefViews.Report grade(@PathVariable long id, @PathVariable long orgId,
                                     @RequestBody DebriefViews.Grading body) {
        return debriefs.grade(CurrentScope.get(), id, orgId, body);
    }

    @PostMapping("/{id}/publish")
    @Operation(summary = "公布: results visible to the targets; overall 差 announced as weak-and-lax candidate facts")
    public DebriefViews.Board publish(@PathVariable long id) {
        return debriefs.publish(CurrentScope.get(), id);
    }
}
