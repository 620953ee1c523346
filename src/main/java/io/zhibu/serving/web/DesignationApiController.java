package io.zhibu.serving.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhibu.serving.DesignationService;
import io.zhibu.serving.DesignationService.Designation;
import io.zhibu.serving.DesignationService.DesignationForm;
import io.zhibu.serving.DesignationService.ReviewForm;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.Page;
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

/** 先锋岗 / 责任区 / 共产党员户 / 三亮两带 designations (issue 21 point 3). */
@RestController
@RequestMapping("/api/v1/serving/designations")
@Tag(name = "serving", description = "双报到, volunteer service and care for members")
public class DesignationApiController {
    private final DesignationService service;

    public DesignationApiController(DesignationService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "Designations of a subtree (one page, in force first); a member: their own")
    public Page<Designation> list(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size) {
        return service.list(CurrentScope.get(), orgId, page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A designation with its yearly reviews (the card's token for its branch and the member)")
    public Designation get(@PathVariable long id) {
        return service.get(CurrentScope.get(), id);
    }

    @GetMapping("/members/{memberId}")
    @Operation(summary = "A member's designations (their profile)")
    public List<Designation> ofMember(@PathVariable long memberId) {
        return service.ofMember(CurrentScope.get(), memberId);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Designate a member: kind, post, area or household, commitments, period")
    public Designation create(@RequestBody DesignationForm form) {
        return service.create(CurrentScope.get(), form);
    }

    @PostMapping("/{id}/reviews")
    @Operation(summary = "Record the yearly review (年度评议); an unqualified designation is withdrawn")
    public Designation review(@PathVariable long id, @RequestBody ReviewForm form) {
        return service.review(CurrentScope.get(), id, form);
    }

    @PostMapping("/{id}/withdraw")
    @Operation(summary = "Withdraw a designation (the public card then says so)")
    public Designation withdraw(@PathVariable long id) {
        return service.withdraw(CurrentScope.get(), id);
    }
}
