package io.zhibu.disclosure.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhibu.disclosure.DisclosureService;
import io.zhibu.disclosure.DisclosureViews.Board;
import io.zhibu.disclosure.DisclosureViews.Form;
import io.zhibu.disclosure.DisclosureViews.Item;
import io.zhibu.disclosure.DisclosureViews.PublicItem;
import io.zhibu.disclosure.DisclosureViews.Withdraw;
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

/** 三务公开 (issue 21 point 5). */
@RestController
@RequestMapping("/api/v1/disclosures")
@Tag(name = "disclosure", description = "三务公开: 党务、村务、财务 items per period, the organization's obligations")
public class DisclosureApiController {
    private final DisclosureService service;

    public DisclosureApiController(DisclosureService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "An organization's board (the caller's own when orgId is omitted): what it owes for the current "
            + "and the last due period, and the items the caller sees (the organization's, its superiors' and, for "
            + "organizations, its subtree's)")
    public Board board(@RequestParam(required = false) Long orgId) {
        return service.board(CurrentScope.get(), orgId);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One item")
    public Item get(@PathVariable long id) {
        return service.get(CurrentScope.get(), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Publish an item for a period (the organization's secretary or the organization department); "
            + "the text must contain each required heading of the category; PUBLIC items get a QR link and may carry no "
            + "ID or mobile numbers")
    public Item publish(@RequestBody Form form) {
        return service.publish(CurrentScope.get(), form);
    }

    @PostMapping("/{id}/withdraw")
    @Operation(summary = "Withdraw a published item, with the reason (it stays as history and no longer counts)")
    public Item withdraw(@PathVariable long id, @RequestBody(required = false) Withdraw body) {
        return service.withdraw(CurrentScope.get(), id, body);
    }

    @GetMapping("/public/{token}")
    @Operation(summary = "The public view of an item behind its QR token (also without sign-in at /public/disclosures/{token})")
    public PublicItem shared(@PathVariable String token) {
        return service.shared(token);
    }
}
