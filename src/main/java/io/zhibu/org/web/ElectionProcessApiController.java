package io.zhibu.org.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhibu.org.ElectionWorkflowRules;
import io.zhibu.org.OrgElectionProcesses;
import io.zhibu.org.OrgElectionProcesses.StepForm;
import io.zhibu.org.OrgElectionProcesses.View;
import io.zhibu.shared.CurrentScope;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 换届选举程序 API (R1.9): request → approval → election → report → the superior's approval of secretary and deputy. */
@RestController
@Tag(name = "election processes", description = "换届选举程序 tracked step by step (R1.9)")
public class ElectionProcessApiController {
    /** The request's body. */
    public record RequestForm(String note) {
    }

    private final OrgElectionProcesses processes;

    public ElectionProcessApiController(OrgElectionProcesses processes) {
        this.processes = processes;
    }

    @PostMapping("/api/v1/orgs/{id}/election-processes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "支委会决定换届, 请示上级: open the tracked process (note required)")
    public View request(@PathVariable long id, @RequestBody RequestForm form) {
        return processes.request(CurrentScope.get(), id, form == null ? null : form.note());
    }

    @GetMapping("/api/v1/orgs/{id}/election-processes")
    @Operation(summary = "The organization's election processes, newest first")
    public List<View> ofOrg(@PathVariable long id) {
        return processes.ofOrg(CurrentScope.get(), id);
    }

    @GetMapping("/api/v1/election-processes")
    @Operation(summary = "Processes in the caller's subtree (stage narrows, e.g. REQUESTED or REPORTED for the superior)")
    public List<View> inScope(@RequestParam(required = false) ElectionWorkflowRules.Stage stage) {
        return processes.inScope(CurrentScope.get(), stage);
    }

    @GetMapping("/api/v1/election-processes/{id}")
    @Operation(summary = "One process with the actions open to the caller")
    public View get(@PathVariable long id) {
        return processes.get(CurrentScope.get(), id);
    }

    @PostMapping("/api/v1/election-processes/{id}/steps")
    @Operation(summary = "The next step: APPROVE/REJECT/CONFIRM (superior), ELECT with electionId, REPORT with secretary")
    public View step(@PathVariable long id, @RequestBody StepForm form) {
        return processes.step(CurrentScope.get(), id, form);
    }
}
