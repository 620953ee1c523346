package io.zhibu.assessment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhibu.assessment.XItemService;
import io.zhibu.assessment.XItemService.XDecisionForm;
import io.zhibu.assessment.XItemService.XItemForm;
import io.zhibu.assessment.XItemService.XItemList;
import io.zhibu.assessment.XItemService.XItemView;
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

/** 青神“6+X”自选清单 API: the branch proposes X items for a campaign, the superior approves or returns them. */
@RestController
@RequestMapping("/api/v1/assessment")
@Tag(name = "assessment")
public class XItemApiController {
    private final XItemService service;

    public XItemApiController(XItemService service) {
        this.service = service;
    }

    @GetMapping("/campaigns/{id}/x-items")
    @Operation(summary = "X items of a campaign the caller sees (one branch's with orgId: with its allowance and points held)")
    public XItemList list(@PathVariable long id, @RequestParam(required = false) Long orgId) {
        return service.list(CurrentScope.get(), id, orgId);
    }

    @PostMapping("/campaigns/{id}/x-items")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The branch proposes an X item (name, content, points within the X allowance, evidence required)")
    public XItemView propose(@PathVariable long id, @RequestBody(required = false) XItemForm form) {
        return service.propose(CurrentScope.get(), id, form);
    }

    @PostMapping("/x-items/{itemId}/decision")
    @Operation(summary = "The superior approves (APPROVE: scored for that branch) or returns (RETURN, note required)")
    public XItemView decide(@PathVariable long itemId, @RequestBody(required = false) XDecisionForm form) {
        return service.decide(CurrentScope.get(), itemId, form);
    }
}
