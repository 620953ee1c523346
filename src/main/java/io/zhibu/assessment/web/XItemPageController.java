package io.zhibu.assessment.web;

import io.zhibu.assessment.XItemService;
import io.zhibu.assessment.XItemService.XDecisionForm;
import io.zhibu.assessment.XItemService.XItemForm;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.web.Messages;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 自选清单 pages: with {@code orgId} the branch's own list and proposal form (phone-first), without it the superior's
 * approval list of the campaign.
 */
@Controller
@RequestMapping("/assessment")
public class XItemPageController {
    private final XItemService service;
    private final Messages messages;

    public XItemPageController(XItemService service, Messages messages) {
        this.service = service;
        this.messages = messages;
    }

    @GetMapping("/campaigns/{id}/x-items")
    public String list(@PathVariable long id, @RequestParam(required = false) Long orgId, Model model) {
        model.addAttribute("x", service.list(CurrentScope.get(), id, orgId));
        model.addAttribute("orgId", orgId);
        return "assessment/x-items";
    }

    @PostMapping("/campaigns/{id}/x-items")
    public String propose(@PathVariable long id, @RequestParam(required = false) Long orgId,
                          @RequestParam(required = false) String name, @RequestParam(required = false) String content,
                          @RequestParam(required = false) String points,
                          @RequestParam(required = false) String evidenceRequired, RedirectAttributes flash) {
        String back = "/assessment/campaigns/" + id + "/x-items" + (orgId == null ? "" : "?orgId=" + orgId);
        return act(flash, back, () -> {
            service.propose(CurrentScope.get(), id, new XItemForm(orgId, name, content, number(points), evidenceRequired));
            flash.addFlashAttribute("notice", messages.get("assessment.x.proposed"));
            return "redirect:" + back;
        });
    }

    @PostMapping("/x-items/{itemId}/decision")
    public String decide(@PathVariable long itemId, @RequestParam(required = false) Long campaignId,
                         @RequestParam(required = false) String decision, @RequestParam(required = false) String note,
                         RedirectAttributes flash) {
        String back = campaignId == null ? "/assessment" : "/assessment/campaigns/" + campaignId + "/x-items";
        return act(flash, back, () -> {
            service.decide(CurrentScope.get(), itemId, new XDecisionForm(decision, note));
            flash.addFlashAttribute("notice", messages.get("assessment.x.decidedNotice"));
            return "redirect:" + back;
        });
    }

    private static BigDecimal number(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(raw.strip());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("points", "assessment.x.points", "—");
        }
    }

    private String act(RedirectAttributes flash, String back, Supplier<String> action) {
        try {
            return action.get();
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("actionErrors", List.copyOf(messages.fieldErrors(e.violations()).values()));
        } catch (ConflictException e) {
            flash.addFlashAttribute("actionErrors", List.of(messages.get(e.code(), e.args())));
        }
        return "redirect:" + back;
    }
}
