package io.zhibu.org.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhibu.org.BranchSetupRequests;
import io.zhibu.org.BranchSetupRules;
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

/** 成立党支部 requests (R1.1): apply, the superior committee decides, the branch is created on approval. */
@RestController
@Tag(name = "orgs", description = "Organization tree")
public class BranchSetupApiController {
    private final BranchSetupRequests requests;

    public BranchSetupApiController(BranchSetupRequests requests) {
        this.requests = requests;
    }

    @PostMapping("/api/v1/org-setup-requests")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Apply to set up a branch under a superior committee (R1.1; R1.2 threshold checked)")
    public BranchSetupRequests.View submit(@RequestBody BranchSetupRequests.Request body) {
        return requests.submit(CurrentScope.get(), body);
    }

    @GetMapping("/api/v1/org-setup-requests")
    @Operation(summary = "Set-up requests in the caller's subtree (status=SUBMITTED: the superior's inbox)")
    public List<BranchSetupRequests.View> list(@RequestParam(required = false) BranchSetupRules.Status status) {
        return requests.list(CurrentScope.get(), status);
    }

    @GetMapping("/api/v1/org-setup-requests/{id}")
    @Operation(summary = "One set-up request with its history")
    public BranchSetupRequests.View get(@PathVariable long id) {
        return requests.get(CurrentScope.get(), id);
    }

    @PostMapping("/api/v1/org-setup-requests/{id}/decision")
    @Operation(summary = "APPROVE (creates the branch) or REJECT (note required) by the superior; WITHDRAW by the applicant")
    public BranchSetupRequests.View decide(@PathVariable long id, @RequestBody BranchSetupRequests.Decision body) {
        return requests.decide(CurrentScope.get(), id, body);
    }
}
