package io.zhibu.command.web;

import io.zhibu.command.DispatchItemStatus;
import io.zhibu.command.DispatchService;
import io.zhibu.command.DispatchViews;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.web.Messages;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 周调度 page (考核督导): the weekly board of the caller's organization or a child, the item form, settling items. */
@Controller
public class DispatchPageController {
    private final DispatchService dispatch;
    private final Messages messages;

    public DispatchPageController(DispatchService dispatch, Messages messages) {
        this.dispatch = dispatch;
        this.messages = messages;
    }

    @GetMapping("/dispatch")
    public String board(@RequestParam(required = false) Long orgId,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate weekOf,
                        Model model) {
        var scope = CurrentScope.get();
        DispatchViews.Board b = dispatch.board(scope, orgId, weekOf);
        model.addAttribute("b", b);
        model.addAttribute("own", b.orgId() == scope.scopeOrgIdOrZero());
        List<DispatchViews.Item> items = new java.util.ArrayList<>(b.raised());
        items.addAll(b.carried());
        model.addAttribute("items", items);
        model.addAttribute("statuses", DispatchItemStatus.values());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "command/dispatch";
    }

    @PostMapping("/dispatch/items")
    public String raise(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate weekOf,
                        @RequestParam(required = false) String title, @RequestParam(required = false) String ownerName,
                        @RequestParam(required = false) Long ownerOrgId,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
                        Model model) {
        try {
            dispatch.raise(CurrentScope.get(), new DispatchViews.NewItem(weekOf, title, ownerName, ownerOrgId, dueOn));
            return "redirect:/dispatch?weekOf=" + dispatch.weekStart(weekOf);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", messages.fieldErrors(e.violations()));
        }
        return board(null, weekOf, model);
    }

    @PostMapping("/dispatch/items/{id}/status")
    public String status(@PathVariable long id, @RequestParam(required = false) DispatchItemStatus status,
                         @RequestParam(required = false) String note, @RequestParam(required = false) Integer version,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate weekOf,
                         RedirectAttributes flash) {
        try {
            dispatch.status(CurrentScope.get(), id, new DispatchViews.StatusChange(status, note, version));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("actionErrors", List.copyOf(messages.fieldErrors(e.violations()).values()));
        } catch (ConflictException e) {
            flash.addFlashAttribute("actionErrors", List.of(messages.get(e.code(), e.args())));
        }
        return "redirect:/dispatch?weekOf=" + dispatch.weekStart(weekOf);
    }
}
