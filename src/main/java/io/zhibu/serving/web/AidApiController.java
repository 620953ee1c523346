package io.zhibu.serving.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhibu.serving.AidService;
import io.zhibu.serving.AidService.Aid;
import io.zhibu.serving.AidService.AidForm;
import io.zhibu.serving.AidService.DecisionForm;
import io.zhibu.serving.AidService.Ledger;
import io.zhibu.serving.AidService.PaymentForm;
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

/** 困难党员帮扶 hardship aid (issue 21 point 4): applications, decisions, payments, the superior's ledger. */
@RestController
@RequestMapping("/api/v1/serving/aid")
@Tag(name = "serving", description = "双报到, volunteer service and care for members")
public class AidApiController {
    private final AidService service;

    public AidApiController(AidService service) {
        this.service = service;
    }

    @GetMapping("/ledger")
    @Operation(summary = "The aid ledger of a subtree: totals per year and one page of applications (optionally of one year)")
    public Ledger ledger(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
                         @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return service.ledger(CurrentScope.get(), orgId, year, page, size);
    }

    @GetMapping("/mine")
    @Operation(summary = "A member's own applications")
    public List<Aid> mine() {
        return service.mine(CurrentScope.get());
    }

    @GetMapping("/{id}")
    @Operation(summary = "An application with its decision and payments")
    public Aid get(@PathVariable long id) {
        return service.get(CurrentScope.get(), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Apply for aid: the branch for one of its members, or a member for themself (reason, amount in yuan)")
    public Aid apply(@RequestBody AidForm form) {
        return service.apply(CurrentScope.get(), form);
    }

    @PostMapping("/{id}/decision")
    @Operation(summary = "The superior approves (amount up to the one asked) or rejects (with a reason)")
    public Aid decide(@PathVariable long id, @RequestBody DecisionForm form) {
        return service.decide(CurrentScope.get(), id, form);
    }

    @PostMapping("/{id}/payments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a payment of an approved application (never more than approved in all)")
    public Aid pay(@PathVariable long id, @RequestBody PaymentForm form) {
        return service.pay(CurrentScope.get(), id, form);
    }
}
