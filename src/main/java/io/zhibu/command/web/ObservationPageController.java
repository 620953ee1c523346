package io.zhibu.command.web;

import io.zhibu.command.ObservationService;
import io.zhibu.command.ObservationViews;
import io.zhibu.org.OrgService;
import io.zhibu.org.OrgType;
import io.zhibu.org.Organization;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.web.Messages;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 观摩 pages (考核督导): the list with the template and plan forms (staff), one visit with a scoring sheet per
 * branch (points per item, comment, photo) and publishing; a visited branch sees its sheet once published.
 */
@Controller
public class ObservationPageController {
    private static final int BRANCH_CHOICES = 300;

    private final ObservationService observations;
    private final OrgService orgs;
    private final Messages messages;

    public ObservationPageController(ObservationService observations, OrgService orgs, Messages messages) {
        this.observations = observations;
        this.orgs = orgs;
        this.messages = messages;
    }

    @GetMapping("/observations")
    public String list(Model model) {
        DataScope scope = CurrentScope.get();
        model.addAttribute("listing", observations.list(scope));
        boolean staff = scope.canManageOrgs() && scope.scopeOrgId() != null;
        model.addAttribute("staff", staff);
        List<Organization> branches = staff ? orgs.activeIn(scope, scope.scopeOrgId(),
                EnumSet.of(OrgType.BRANCH, OrgType.JOINT_BRANCH, OrgType.TEMPORARY_BRANCH)).stream()
                .filter(o -> o.id() != scope.scopeOrgId()).limit(BRANCH_CHOICES).toList() : List.of();
        model.addAttribute("branches", branches);
        for (String k : List.of("errors", "templateErrors")) {
            if (!model.containsAttribute(k)) {
                model.addAttribute(k, Map.of());
            }
        }
        return "command/observations";
    }

    /** A template from a textarea: one item per line, "label maxPoints" (the last number on the line). */
    @PostMapping("/observations/templates")
    public String template(@RequestParam(required = false) String name, @RequestParam(required = false) String items,
                           Model model) {
        List<ObservationViews.TemplateItem> parsed = new ArrayList<>();
        for (String line : (items == null ? "" : items).split("\\R")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            var m = java.util.regex.Pattern.compile("^(.*?)[\\s,，:：]+(\\d{1,3})$").matcher(l);
            parsed.add(m.matches() ? new ObservationViews.TemplateItem(m.group(1), Integer.valueOf(m.group(2)))
                    : new ObservationViews.TemplateItem(l, null));
        }
        try {
            observations.template(CurrentScope.get(), new ObservationViews.NewTemplate(name, parsed));
            return "redirect:/observations";
        } catch (InvalidInputException e) {
            Map<String, String> errors = new java.util.LinkedHashMap<>();
            messages.fieldErrors(e.violations()).forEach((k, v) -> errors.merge(k.startsWith("items") ? "items" : k, v,
                    (a, b) -> a));
            model.addAttribute("templateErrors", errors);
        }
        return list(model);
    }

    @PostMapping("/observations")
    public String plan(@RequestParam(required = false) String title,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate visitOn,
                       @RequestParam(required = false) String observers, @RequestParam(required = false) Long templateId,
                       @RequestParam(required = false) List<Long> branchIds, Model model) {
        try {
            long id = observations.plan(CurrentScope.get(), new ObservationViews.NewObservation(title, visitOn, observers,
                    templateId, branchIds));
            return "redirect:/observations/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", messages.fieldErrors(e.violations()));
        }
        return list(model);
    }

    @GetMapping("/observations/{id}")
    public String get(@PathVariable long id, Model model) {
        model.addAttribute("o", observations.get(CurrentScope.get(), id));
        return "command/observation";
    }

    /** One branch's sheet: points p1…pn, comment, optional photo (multipart). */
    @PostMapping("/observations/{id}/sheets/{orgId}")
    public String score(@PathVariable long id, @PathVariable long orgId, @RequestParam Map<String, String> form,
                        @RequestParam(value = "file", required = false) MultipartFile file, RedirectAttributes flash)
            throws IOException {
        DataScope scope = CurrentScope.get();
        ObservationViews.Observation o = observations.get(scope, id);
        List<Integer> points = new ArrayList<>();
        for (int i = 1; i <= o.template().items().size(); i++) {
            String v = form.get("p" + i);
            try {
                points.add(v == null || v.isBlank() ? null : Integer.valueOf(v.strip()));
            } catch (NumberFormatException e) {
                points.add(-1);
            }
        }
        try {
            observations.score(scope, id, orgId, new ObservationViews.Scoring(points, form.get("comment")));
            if (file != null && !file.isEmpty()) {
                observations.photo(scope, id, orgId, file.getOriginalFilename(), file.getBytes());
            }
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("actionErrors", List.copyOf(messages.fieldErrors(e.violations()).values()));
        } catch (ConflictException e) {
            flash.addFlashAttribute("actionErrors", List.of(messages.get(e.code(), e.args())));
        }
        return "redirect:/observations/" + id;
    }

    @PostMapping("/observations/{id}/publish")
    public String publish(@PathVariable long id, RedirectAttributes flash) {
        try {
            observations.publish(CurrentScope.get(), id);
        } catch (ConflictException e) {
            flash.addFlashAttribute("actionErrors", List.of(messages.get(e.code(), e.args())));
        }
        return "redirect:/observations/" + id;
    }
}
