package io.zhibu.org.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhibu.org.OrgTermDeferrals;
import io.zhibu.org.TermDeferralRules;
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

/** Requests the superior decides: 延期换届 term deferrals (R1.7). */
@RestController
@Tag(name = "terms", description = "Committee terms, reminders and elections (rules.md §1.3–1.4)")
public class OrgRequestApiController {
    private final OrgTermDeferrals deferrals;

    public OrgRequestApiController(OrgTermDeferrals deferrals) {
        this.deferrals = deferrals;
    }

    @PostMapping("/api/v1/orgs/{id}/term-deferrals")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ask the superior to defer a due election (R1.7: 1–12 months, with a reason)")
    public OrgTermDeferrals.View request(@PathVariable long id, @RequestBody OrgTermDeferrals.Request body) {
        return deferrals.request(CurrentScope.get(), id, body);
    }

    @GetMapping("/api/v1/orgs/{id}/term-deferrals")
    @Operation(summary = "Deferral requests of the org, newest first")
    public List<OrgTermDeferrals.View> ofOrg(@PathVariable long id) {
        return deferrals.ofOrg(CurrentScope.get(), id);
    }

    @GetMapping("/api/v1/term-deferrals")
    @Operation(summary = "Deferral requests in the caller's subtree (status=REQUESTED: the superior's inbox)")
    public List<OrgTermDeferrals.View> inScope(@RequestParam(required = false) TermDeferralRules.Status status) {
        return deferrals.inScope(CurrentScope.get(), status);
    }

    @GetMapping("/api/v1/term-deferrals/{id}")
    @Operation(summary = "One deferral request")
    public OrgTermDeferrals.View get(@PathVariable long id) {
        return deferrals.get(CurrentScope.get(), id);
    }

    @PostMapping("/api/v1/term-deferrals/{id}/decision")
    @Operation(summary = "APPROVE or REJECT (the superior, not the requester) or WITHDRAW (the requester)")
    public OrgTermDeferrals.View decide(@PathVariable long id, @RequestBody OrgTermDeferrals.Decision body) {
        return deferrals.decide(CurrentScope.get(), id, body);
    }
}
