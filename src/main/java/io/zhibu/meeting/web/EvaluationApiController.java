package io.zhibu.meeting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhibu.meeting.EvaluationRecords.*;
import io.zhibu.meeting.EvaluationService;
import io.zhibu.shared.CurrentScope;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 民主评议党员 API (R8.1–R8.3). */
@RestController
@RequestMapping("/api/v1/meetings/evaluations")
@Tag(name = "meetings", description = "Organization life (三会一课, 主题党日, 组织生活会)")
public class EvaluationApiController {
    private final EvaluationService evaluations;

    public EvaluationApiController(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @GetMapping
    @Operation(summary = "Evaluation rounds of the caller's subtree (members: their own rounds)")
    public List<RoundSummary> list(@RequestParam(required = false) Long orgId) {
        return evaluations.list(CurrentScope.get(), orgId);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open the year's round for a branch (secretary)")
    public RoundView open(@RequestBody OpenRound body) {
        return evaluations.open(CurrentScope.get(), body);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One round (anonymous counts for the secretary; own grade and feedback for the member once decided)")
    public RoundView get(@PathVariable long id) {
        return evaluations.get(CurrentScope.get(), id);
    }

    @PostMapping("/{id}/self")
    @Operation(summary = "Self-evaluation (个人自评), member")
    public RoundView self(@PathVariable long id, @RequestBody SelfEvaluation body) {
        return evaluations.selfEvaluate(CurrentScope.get(), id, body);
    }

    @PostMapping("/{id}/peer")
    @Operation(summary = "Peer comment (党员互评), member, once per pair")
    public RoundView peer(@PathVariable long id, @RequestBody PeerComment body) {
        return evaluations.peer(CurrentScope.get(), id, body);
    }

    @PostMapping("/{id}/ballot")
    @Operation(summary = "Anonymous assessment (民主测评), member, once")
    public RoundView ballot(@PathVariable long id, @RequestBody Ballot body) {
        return evaluations.ballot(CurrentScope.get(), id, body);
    }

    @PostMapping("/{id}/decision")
    @Operation(summary = "Committee decision (组织评定): grades (优秀 ≤ 1/3, probationary not graded) and feedback")
    public RoundView decide(@PathVariable long id, @RequestBody Decision body) {
        return evaluations.decide(CurrentScope.get(), id, body);
    }
}
