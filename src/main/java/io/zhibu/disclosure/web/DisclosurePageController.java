package io.zhibu.disclosure.web;

import io.zhibu.disclosure.Audience;
import io.zhibu.disclosure.DisclosureCategory;
import io.zhibu.disclosure.DisclosureService;
import io.zhibu.disclosure.DisclosureViews.Board;
import io.zhibu.disclosure.DisclosureViews.Form;
import io.zhibu.disclosure.DisclosureViews.Item;
import io.zhibu.disclosure.DisclosureViews.Withdraw;
import io.zhibu.org.OrgService;
import io.zhibu.org.Organization;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.web.Messages;
import io.zhibu.shared.web.QrSvg;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** 三务公开 pages: an organization's board (what it owes, the items, the publish form), one item with its QR code. */
@Controller
@RequestMapping("/disclosures")
public class DisclosurePageController {
    private final DisclosureService service;
    private final OrgService orgs;
    private final Messages messages;

    public DisclosurePageController(DisclosureService service, OrgService orgs, Messages messages) {
        this.service = service;
        this.orgs = orgs;
        this.messages = messages;
    }

    @GetMapping
    public String board(@RequestParam(required = false) Long orgId, @RequestParam(required = false) String category,
                        @RequestParam(required = false) String period, Model model) {
        DataScope scope = CurrentScope.get();
        Board b = service.board(scope, orgId);
        model.addAttribute("b", b);
        // the publish form, prefilled with the first obligation still open (or the one asked for) and its headings
        var open = b.obligations().stream().filter(o -> category == null ? !o.lastDuePublished() || !o.currentPublished()
                : o.category().name().equals(category)).findFirst().or(() -> b.obligations().stream().findFirst());
        String cat = open.map(o -> o.category().name()).orElse(category == null ? "PARTY" : category);
        String per = period != null ? period : open.map(o -> o.lastDuePublished() ? o.current() : o.lastDue()).orElse("");
        StringBuilder text = new StringBuilder();
        open.ifPresent(o -> {
            String[] n = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};
            for (int i = 0; i < o.topics().size(); i++) {
                text.append(n[Math.min(i, n.length - 1)]).append("、").append(o.topics().get(i)).append("：\n");
            }
        });
        model.addAttribute("prefill", new String[] {cat, per, "", text.toString(), "SUBTREE"});
        model.addAttribute("audiences", Audience.values());
        List<Organization> children = scope.selfOnly() ? List.of() : orgs.children(scope, b.orgId(), false);
        model.addAttribute("children", children);
        Long parent = null;
        if (!scope.selfOnly() && scope.scopeOrgId() != null && b.orgId() != scope.scopeOrgId()) {
            parent = orgs.get(scope, b.orgId()).parentId();
        }
        model.addAttribute("parentId", parent);
        return "disclosure/board";
    }

    @PostMapping
    public String publish(@RequestParam(required = false) Long orgId, @RequestParam(required = false) String category,
                          @RequestParam(required = false) String period, @RequestParam(required = false) String title,
                          @RequestParam(required = false) String body, @RequestParam(required = false) String audience,
                          RedirectAttributes flash) {
        String back = "/disclosures" + (orgId == null ? "" : "?orgId=" + orgId);
        return act(flash, back, () -> {
            Item i = service.publish(CurrentScope.get(), new Form(orgId, parse(DisclosureCategory.class, category, "category"),
                    period, title, body, parse(Audience.class, audience, "audience")));
            flash.addFlashAttribute("notice", messages.get("disclosure.published"));
            return "redirect:/disclosures/" + i.id();
        }, new String[] {category, period, title, body, audience});
    }

    @GetMapping("/{id}")
    public String item(@PathVariable long id, Model model) {
        Item i = service.get(CurrentScope.get(), id);
        model.addAttribute("i", i);
        if (i.publicPath() != null) {
            String link = ServletUriComponentsBuilder.fromCurrentContextPath().path(i.publicPath()).toUriString();
            model.addAttribute("link", link);
            model.addAttribute("qr", QrSvg.of(link));
        }
        return "disclosure/item";
    }

    @PostMapping("/{id}/withdraw")
    public String withdraw(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        String back = "/disclosures/" + id;
        return act(flash, back, () -> {
            service.withdraw(CurrentScope.get(), id, new Withdraw(reason));
            flash.addFlashAttribute("notice", messages.get("disclosure.withdrawn"));
            return "redirect:" + back;
        }, null);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(field, "validation.invalid");
        }
    }

    private String act(RedirectAttributes flash, String back, Supplier<String> action, String[] keep) {
        try {
            return action.get();
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("actionErrors", List.copyOf(messages.fieldErrors(e.violations()).values()));
            if (keep != null) {
                flash.addFlashAttribute("kept", keep);
            }
        }
        return "redirect:" + back;
    }
}
