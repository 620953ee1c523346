package io.zhibu.dues.web;

import io.zhibu.dues.DuesAllocationService;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.web.Messages;
import io.zhibu.shared.web.PageActions;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 党费下拨/返还 page: the ledger of the caller's subtree, the allocation form (recipient by picker), reversals. */
@Controller
@RequestMapping("/dues/allocations")
class DuesAllocationPageController {
    private final DuesAllocationService allocations;
    private final Messages messages;
    private final PageActions actions;

    DuesAllocationPageController(DuesAllocationService allocations, Messages messages, PageActions actions) {
        this.allocations = allocations;
        this.messages = messages;
        this.actions = actions;
    }

    @GetMapping
    String ledger(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year, Model model) {
        DataScope scope = CurrentScope.get();
        model.addAttribute("l", allocations.ledger(scope, orgId, year));
        model.addAttribute("orgId", orgId);
        model.addAttribute("canAllocate", scope.canManageMembers());
        model.addAttribute("today", LocalDate.now());
        return "dues/allocations";
    }

    @PostMapping
    String allocate(@RequestParam(required = false) Long toOrgId, @RequestParam(required = false) BigDecimal amount,
                    @RequestParam(required = false) LocalDate allocatedOn, @RequestParam(required = false) String decisionNo,
                    @RequestParam(required = false) LocalDate decidedOn, @RequestParam(required = false) String purpose,
                    @RequestParam(required = false) String note, RedirectAttributes flash) {
        return actions.run(flash, "/dues/allocations", () -> {
            allocations.allocate(CurrentScope.get(), new DuesAllocationService.AllocationForm(null, toOrgId, amount,
                    allocatedOn, decisionNo, decidedOn, purpose, note));
            flash.addFlashAttribute("notice", messages.get("dues.allocation.recorded"));
            return "redirect:/dues/allocations";
        });
    }

    @PostMapping("/{id}/reverse")
    String reverse(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        return actions.run(flash, "/dues/allocations", () -> {
            allocations.reverse(CurrentScope.get(), id, new DuesAllocationService.ReverseForm(reason));
            flash.addFlashAttribute("notice", messages.get("dues.allocation.reversedNotice"));
            return "redirect:/dues/allocations";
        });
    }
}
