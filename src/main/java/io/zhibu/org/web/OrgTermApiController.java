package io.zhibu.org.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhibu.org.ElectionForm;
import io.zhibu.org.ElectionView;
import io.zhibu.org.OrgTerms;
import io.zhibu.org.TermForm;
import io.zhibu.org.TermView;
import io.zhibu.shared.CurrentScope;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Committee terms and elections (任期与换届). */
@RestController
@Tag(name = "terms", description = "Committee terms, reminders and elections (rules.md §1.3–1.4)")
public class OrgTermApiController {
    private final OrgTerms terms;

    public OrgTermApiController(OrgTerms terms) {
        this.terms = terms;
    }

    @GetMapping("/api/v1/orgs/{id}/terms")
    @Operation(summary = "The org's terms (current first) with committee and reminder level (R1.8)")
    public List<TermView> terms(@PathVariable long id) {
        return terms.terms(CurrentScope.get(), id);
    }

    @PostMapping("/api/v1/orgs/{id}/terms")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record the committee and open its term (years default per domain)")
    public TermView open(@PathVariable long id, @RequestBody TermForm form) {
        return terms.openTerm(CurrentScope.get(), id, form);
    }

    @GetMapping("/api/v1/orgs/{id}/elections")
    @Operation(summary = "Election records of the org")
    public List<ElectionView> elections(@PathVariable long id) {
        return terms.elections(CurrentScope.get(), id);
    }

    @PostMapping("/api/v1/orgs/{id}/elections")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an election: arithmetic of R1.10–R1.13 computed, result stored, new term opened if valid")
    public ElectionView elect(@PathVariable long id, @RequestBody ElectionForm form) {
        return terms.recordElection(CurrentScope.get(), id, form);
    }

    @GetMapping("/api/v1/term-reminders")
    @Operation(summary = "Orgs in scope whose term ends within 6 months or is overdue (R1.8)")
    public List<TermView> due() {
        return terms.due(CurrentScope.get());
    }
}
