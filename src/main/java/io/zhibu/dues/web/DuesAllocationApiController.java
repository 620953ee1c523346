package io.zhibu.dues.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhibu.dues.DuesAllocationService;
import io.zhibu.shared.CurrentScope;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 党费下拨/返还 API: the superior's allocation ledger (rules.md §5, R5.7; issue 18 point 5). */
@RestController
@RequestMapping("/api/v1/dues/allocations")
@Tag(name = "dues", description = "Party dues (党费), rules.md §5")
public class DuesAllocationApiController {
    private final DuesAllocationService allocations;

    public DuesAllocationApiController(DuesAllocationService allocations) {
        this.allocations = allocations;
    }

    @GetMapping
    @Operation(summary = "The allocation ledger of a subtree (default: the caller's) for a year: entries allocated or received, net sums")
    public DuesAllocationService.Ledger ledger(@RequestParam(required = false) Long orgId,
                                               @RequestParam(required = false) Integer year) {
        return allocations.ledger(CurrentScope.get(), orgId, year);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The superior committee allocates dues back to an organization below it, with the decision (number, date, purpose)")
    public DuesAllocationService.Allocation allocate(@RequestBody(required = false) DuesAllocationService.AllocationForm form) {
        return allocations.allocate(CurrentScope.get(), form);
    }

    @PostMapping("/{id}/reverse")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Reverse a whole allocation (a reversing entry with the reason; the ledger is append-only)")
    public DuesAllocationService.Allocation reverse(@PathVariable long id,
                                                    @RequestBody(required = false) DuesAllocationService.ReverseForm form) {
        return allocations.reverse(CurrentScope.get(), id, form);
    }
}
