package io.zhibu.org.web;

import io.zhibu.org.OrgChangeEntry;
import io.zhibu.org.OrgCommands;
import io.zhibu.org.OrgDetail;
import io.zhibu.org.OrgService;
import io.zhibu.org.OrgType;
import io.zhibu.org.Organization;
import io.zhibu.shared.CurrentScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Organization tree API; every call is limited to the caller's subtree (404 outside it). */
@RestController
@RequestMapping("/api/v1/orgs")
@Tag(name = "orgs", description = "Organization tree (组织)")
public class OrgApiController {
    private final OrgService orgs;

    public OrgApiController(OrgService orgs) {
        this.orgs = orgs;
    }

    @GetMapping
    @Operation(summary = "Scope roots (no q) or a search by name/code within the scope")
    public List<Organization> list(@RequestParam(required = false) String q,
                                   @RequestParam(required = false) List<OrgType> type,
                                   @RequestParam(defaultValue = "50") int limit) {
        if ((q == null || q.isBlank()) && (type == null || type.isEmpty())) {
            return orgs.scopeRoots(CurrentScope.get());
        }
        return orgs.search(CurrentScope.get(), q, type, limit);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One organization")
    public Organization get(@PathVariable long id) {
        return orgs.get(CurrentScope.get(), id);
    }

    @GetMapping("/{id}/detail")
    @Operation(summary = "Organization with member counts and formation flags")
    public OrgDetail detail(@PathVariable long id) {
        return orgs.detail(CurrentScope.get(), id);
    }

    @GetMapping("/{id}/children")
    @Operation(summary = "Child organizations")
    public List<Organization> children(@PathVariable long id, @RequestParam(defaultValue = "false") boolean includeInactive) {
        return orgs.children(CurrentScope.get(), id, includeInactive);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Organization history (组织沿革)")
    public List<OrgChangeEntry> history(@PathVariable long id) {
        return orgs.history(CurrentScope.get(), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an organization (R1.2: an ordinary branch needs ≥3 full founding members)")
    public Organization create(@RequestBody OrgCommands.CreateOrg cmd) {
        return orgs.create(CurrentScope.get(), cmd);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Rename")
    public Organization rename(@PathVariable long id, @RequestBody OrgCommands.Rename cmd) {
        return orgs.rename(CurrentScope.get(), id, cmd);
    }

    @PostMapping("/{id}/move")
    @Operation(summary = "Move under a new parent")
    public Organization move(@PathVariable long id, @RequestBody OrgCommands.Move cmd) {
        return orgs.move(CurrentScope.get(), id, cmd);
    }

    @PostMapping("/{id}/merge")
    @Operation(summary = "Merge this organization into the target")
    public Organization merge(@PathVariable long id, @RequestBody OrgCommands.Merge cmd) {
        return orgs.merge(CurrentScope.get(), id, cmd);
    }

    @PostMapping("/{id}/dissolve")
    @Operation(summary = "Dissolve (with date and reason; history kept)")
    public Organization dissolve(@PathVariable long id, @RequestBody OrgCommands.Dissolve cmd) {
        return orgs.dissolve(CurrentScope.get(), id, cmd);
    }
}
