package io.zhibu.org.web;

import io.zhibu.org.OrgCommands;
import io.zhibu.org.OrgDetail;
import io.zhibu.org.OrgDomain;
import io.zhibu.org.OrgService;
import io.zhibu.org.OrgType;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.web.Messages;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Org tree pages: expandable tree (children load on demand), detail, and the structural changes. */
@Controller
@RequestMapping("/orgs")
public class OrgPageController {
    private final OrgService orgs;
    private final Messages messages;

    public OrgPageController(OrgService orgs, Messages messages) {
        this.orgs = orgs;
        this.messages = messages;
    }

    @GetMapping
    public String tree(@RequestParam(required = false) String q, Model model) {
        DataScope scope = CurrentScope.get();
        model.addAttribute("roots", orgs.scopeRoots(scope));
        if (q != null && !q.isBlank()) {
            model.addAttribute("q", q);
            model.addAttribute("results", orgs.search(scope, q, null, 50));
        }
        return "orgs/tree";
    }

    /** htmx fragment: the children of one node. */
    @GetMapping("/{id}/children")
    public String children(@PathVariable long id, Model model) {
        model.addAttribute("nodes", orgs.children(CurrentScope.get(), id, false));
        return "orgs/tree :: nodes";
    }

    @GetMapping("/{id}")
    public String detail(@PathVariable long id, Model model) {
        DataScope scope = CurrentScope.get();
        OrgDetail d = orgs.detail(scope, id);
        model.addAttribute("d", d);
        model.addAttribute("children", orgs.children(scope, id, true));
        model.addAttribute("history", orgs.history(scope, id));
        model.addAttribute("canManage", scope.canManageOrgs());
        model.addAttribute("today", LocalDate.now());
        return "orgs/detail";
    }

    @GetMapping("/new")
    public String newForm(@RequestParam(required = false) Long parentId, Model model) {
        return form(parentId, model, false);
    }

    /** The create form; after a refused submit an unknown parent is shown as a field error, not as a 404 page. */
    private String form(Long parentId, Model model, boolean afterSubmit) {
        DataScope scope = CurrentScope.get();
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new OrgCommands.CreateOrg(parentId, null, OrgType.BRANCH, null, null, null, null,
                    null, null, null, null, List.of(), false));
        }
        if (parentId != null) {
            try {
                model.addAttribute("parent", orgs.get(scope, parentId));
            } catch (io.zhibu.shared.NotFoundException e) {
                if (!afterSubmit) {
                    throw e;
                }
            }
        }
        model.addAttribute("types", messages.labels(OrgType.values(), "orgType."));
        model.addAttribute("domains", messages.labels(OrgDomain.values(), "domain."));
        return "orgs/new";
    }

    @PostMapping
    public String create(OrgCommands.CreateOrg form, @RequestParam(name = "foundingMemberIds", required = false) String founders, Model model,
                         RedirectAttributes flash) {
        try {
            OrgCommands.CreateOrg cmd = new OrgCommands.CreateOrg(form.parentId(), form.name(), form.type(),
                    form.domain(), form.code(), form.regionCode(), form.hostUnitName(), form.hostUnitCreditCode(),
                    form.establishedOn(), form.secretaryName(), form.termStartedOn(), parseIds(founders), false);
            var org = orgs.create(CurrentScope.get(), cmd);
            flash.addFlashAttribute("notice", messages.get("org.created", org.name()));
            return "redirect:/orgs/" + org.id();
        } catch (InvalidInputException e) {
            model.addAttribute("form", form);
            model.addAttribute("founders", founders);
            model.addAttribute("errors", messages.fieldErrors(e.violations()));
            return form(form.parentId(), model, true);
        }
    }

    @PostMapping("/{id}/rename")
    public String rename(@PathVariable long id, OrgCommands.Rename cmd, RedirectAttributes flash) {
        return act(id, flash, () -> orgs.rename(CurrentScope.get(), id, cmd), "org.renamed");
    }

    @PostMapping("/{id}/move")
    public String move(@PathVariable long id, OrgCommands.Move cmd, RedirectAttributes flash) {
        return act(id, flash, () -> orgs.move(CurrentScope.get(), id, cmd), "org.moved");
    }

    @PostMapping("/{id}/merge")
    public String merge(@PathVariable long id, OrgCommands.Merge cmd, RedirectAttributes flash) {
        try {
            var target = orgs.merge(CurrentScope.get(), id, cmd);
            flash.addFlashAttribute("notice", messages.get("org.merged"));
            return "redirect:/orgs/" + target.id();
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("actionErrors", messages.fieldErrors(e.violations()).values());
        } catch (ConflictException e) {
            flash.addFlashAttribute("actionErrors", List.of(messages.get(e.code(), e.args())));
        }
        return "redirect:/orgs/" + id;
    }

    @PostMapping("/{id}/dissolve")
    public String dissolve(@PathVariable long id, OrgCommands.Dissolve cmd, RedirectAttributes flash) {
        return act(id, flash, () -> orgs.dissolve(CurrentScope.get(), id, cmd), "org.dissolved");
    }

    private String act(long id, RedirectAttributes flash, Runnable action, String doneKey) {
        try {
            action.run();
            flash.addFlashAttribute("notice", messages.get(doneKey));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("actionErrors", messages.fieldErrors(e.violations()).values());
        } catch (ConflictException e) {
            flash.addFlashAttribute("actionErrors", List.of(messages.get(e.code(), e.args())));
        }
        return "redirect:/orgs/" + id;
    }

    static List<Long> parseIds(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        try {
            return Arrays.stream(s.split("[,，\\s]+")).filter(x -> !x.isBlank()).map(Long::valueOf).toList();
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("foundingMemberIds", "validation.invalid");
        }
    }
}
