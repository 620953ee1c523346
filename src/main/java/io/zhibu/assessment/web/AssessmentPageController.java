package io.zhibu.assessment.web;

import io.zhibu.assessment.AssessmentService;
import io.zhibu.assessment.AssessmentViews.*;
import io.zhibu.assessment.StandardSystem;
import io.zhibu.assessment.StandardValidator;
import io.zhibu.assessment.internal.CampaignEngine;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.Role;
import io.zhibu.shared.Violation;
import io.zhibu.shared.web.Messages;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Assessment pages (考核评价): systems and presets, campaigns with ranking, a branch's result with self/spot check. */
@Controller
@RequestMapping("/assessment")
public class AssessmentPageController {
    private final AssessmentService service;
    private final AssessmentExport export;
    private final Messages messages;

    public AssessmentPageController(AssessmentService service, AssessmentExport export, Messages messages) {
        this.service = service;
        this.export = export;
        this.messages = messages;
    }

    @GetMapping
    public String index(Model model) {
        DataScope scope = CurrentScope.get();
        model.addAttribute("campaigns", service.campaigns(scope));
        model.addAttribute("systems", service.systems(scope, null));
        model.addAttribute("presets", service.presets(scope));
        model.addAttribute("manager", scope.canManageOrgs());
        model.addAttribute("scopeOrgId", scope.scopeOrgId());
        model.addAttribute("year", LocalDate.now().getYear());
        return "assessment/index";
    }

    @PostMapping("/systems")
    public String saveFromPreset(@RequestParam(required = false) String preset, @RequestParam(required = false) Integer year,
                                 @RequestParam(required = false) Long ownerOrgId, RedirectAttributes flash) {
        return act(flash, "/assessment", () -> {
            SystemView v = service.saveSystem(CurrentScope.get(), new SystemForm(ownerOrgId, year, preset, null));
            flash.addFlashAttribute("notice", messages.get("assessment.system.saved", v.summary().versionNo()));
            return "redirect:/assessment/systems/" + v.summary().id();
        });
    }

    @GetMapping("/systems/{id}")
    public String system(@PathVariable long id, Model model) {
        DataScope scope = CurrentScope.get();
        SystemView v = service.system(scope, id);
        systemModel(model, scope, v, v.system(), List.of());
        return "assessment/system";
    }

    private void systemModel(Model model, DataScope scope, SystemView v, StandardSystem draft, List<Violation> errors) {
        model.addAttribute("v", v);
        model.addAttribute("draft", draft);
        model.addAttribute("json", CampaignEngine.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(v.system()));
        model.addAttribute("facts", service.knownFacts());
        model.addAttribute("factDefs", service.factDefs());
        model.addAttribute("ops", StandardSystem.Comparison.values());
        model.addAttribute("manager", scope.canManageOrgs());
        List<String> texts = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Violation e : errors) {
            String field = e.field() == null ? "" : e.field();
            int dot = field.indexOf('.');
            texts.add((dot > 0 ? field.substring(dot + 1) + ": " : "") + messages.get(e.code(), e.args()));
            keys.add(field);
        }
        model.addAttribute("formErrors", texts);
        model.addAttribute("errorKeys", keys);
    }

    /**
     * The form-based editor: the edited tree is read from the form ({@link SystemFormBinding}) and saved as a new
     * version through the same service and validation as the API. Bad input saves nothing; the form comes back with
     * the user's edits and every problem listed.
     */
    @PostMapping("/systems/{id}/form")
    public String saveForm(@PathVariable long id, @RequestParam Map<String, String> params, Model model,
                           HttpServletResponse response, RedirectAttributes flash) {
        DataScope scope = CurrentScope.get();
        SystemView current = service.system(scope, id);
        if (!scope.canManageOrgs()) {
            throw new ForbiddenException("standard systems are defined by organization departments");
        }
        SystemFormBinding.Bound bound = SystemFormBinding.bind(params);
        List<Violation> errors = new ArrayList<>(bound.errors());
        try {
            if (errors.isEmpty()) {
                SystemView v = service.saveSystem(scope, new SystemForm(current.summary().ownerOrgId(),
                        current.summary().year(), null, bound.system()));
                flash.addFlashAttribute("notice", messages.get("assessment.system.saved", v.summary().versionNo()));
                return "redirect:/assessment/systems/" + v.summary().id();
            }
            StandardValidator.validate(bound.system(), service.knownFacts()); // report the rest too; nothing is saved
        } catch (InvalidInputException e) {
            errors.addAll(e.violations());
        }
        response.setStatus(400);
        systemModel(model, scope, current, bound.system(), errors);
        return "assessment/system";
    }

    /** Edit = a new version from the edited JSON (copy of the shown version); bad input changes nothing. */
    @PostMapping("/systems/{id}/versions")
    public String newVersion(@PathVariable long id, @RequestParam(required = false) String body, RedirectAttributes flash) {
        DataScope scope = CurrentScope.get();
        SystemView current = service.system(scope, id);
        return act(flash, "/assessment/systems/" + id, () -> {
            StandardSystem s;
            try {
                s = CampaignEngine.JSON.readValue(body == null ? "" : body, StandardSystem.class);
            } catch (RuntimeException e) {
                throw InvalidInputException.of("body", "assessment.json.invalid");
            }
            SystemView v = service.saveSystem(scope, new SystemForm(current.summary().ownerOrgId(), current.summary().year(), null, s));
            flash.addFlashAttribute("notice", messages.get("assessment.system.saved", v.summary().versionNo()));
            return "redirect:/assessment/systems/" + v.summary().id();
        });
    }

    @PostMapping("/campaigns")
    public String open(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Long systemId,
                       @RequestParam(required = false) String name, @RequestParam(required = false) String family,
                       RedirectAttributes flash) {
        return act(flash, "/assessment", () -> {
            CampaignView c = service.openCampaign(CurrentScope.get(), new CampaignForm(orgId, systemId, name, family));
            return "redirect:/assessment/campaigns/" + c.id();
        });
    }

    /** Superiors see the ranking; a branch secretary goes straight to the own result. */
    @GetMapping("/campaigns/{id}")
    public String campaign(@PathVariable long id, @RequestParam(required = false) Boolean print,
                           @RequestParam(required = false) String q, @RequestParam(required = false) Integer stars,
                           @RequestParam(required = false) Integer page, Model model) {
        DataScope scope = CurrentScope.get();
        CampaignView c = service.campaign(scope, id);
        if (scope.role() == Role.BRANCH_SECRETARY && scope.scopeOrgId() != null && print == null) {
            return "redirect:/assessment/campaigns/" + id + "/results/" + scope.scopeOrgId();
        }
        model.addAttribute("c", c);
        // a county ranks hundreds of branches: filter by name and stars, one page at a time (printing shows all)
        var all = service.ranking(scope, id);
        var shown = io.zhibu.shared.web.ListPages.named(all, q, ResultRow::orgName);
        if (stars != null) {
            shown = shown.stream().filter(r -> r.stars() == stars).toList();
        }
        var pageOf = io.zhibu.shared.web.ListPages.page(shown, Boolean.TRUE.equals(print) ? Integer.valueOf(0) : page,
                Boolean.TRUE.equals(print) ? Math.max(1, shown.size()) : io.zhibu.shared.web.ListPages.PAGE_SIZE);
        model.addAttribute("rows", pageOf.items());
        model.addAttribute("rowsPage", pageOf);
        model.addAttribute("rowCount", all.size());
        model.addAttribute("q", q);
        model.addAttribute("starsFilter", stars);
        model.addAttribute("pageBase", io.zhibu.shared.web.ListPages.base("/assessment/campaigns/" + id, "q", q, "stars", stars));
        List<Map<String, Object>> chart = new ArrayList<>();
        for (int tier = 5; tier >= 0; tier--) {
            Integer n = c.stats() == null ? null : c.stats().stars().get(tier);
            if (n != null || tier >= 3) {
                chart.add(Map.of("stars", tier, "value", n == null ? 0 : n,
                        "name", tier > 0 ? "★".repeat(tier) : messages.get("assessment.noStar")));
            }
        }
        model.addAttribute("starChart", CampaignEngine.JSON.writeValueAsString(chart));
        model.addAttribute("manager", c.manageable());
        model.addAttribute("print", Boolean.TRUE.equals(print));
        return "assessment/campaign";
    }

    @GetMapping("/campaigns/{id}/results.xlsx")
    public ResponseEntity<byte[]> xlsx(@PathVariable long id) {
        DataScope scope = CurrentScope.get();
        return export.response(service.campaign(scope, id), service.ranking(scope, id));
    }

    @PostMapping("/campaigns/{id}/sample")
    public String sample(@PathVariable long id, @RequestParam(required = false) String mode,
                         @RequestParam(required = false) Integer size, RedirectAttributes flash) {
        return act(flash, "/assessment/campaigns/" + id, () -> {
            CampaignView c = service.sample(CurrentScope.get(), id, new SampleForm(mode, size, null));
            flash.addFlashAttribute("notice", messages.get("assessment.sample.notice", c.stats().sampled()));
            return "redirect:/assessment/campaigns/" + id;
        });
    }

    @PostMapping("/campaigns/{id}/rescore")
    public String rescore(@PathVariable long id, RedirectAttributes flash) {
        return act(flash, "/assessment/campaigns/" + id, () -> {
            CampaignView c = service.rescore(CurrentScope.get(), id);
            flash.addFlashAttribute("notice", messages.get("assessment.rescored.notice", c.branches(), c.scoreMs()));
            return "redirect:/assessment/campaigns/" + id;
        });
    }

    @PostMapping("/campaigns/{id}/publish")
    public String publish(@PathVariable long id, RedirectAttributes flash) {
        return act(flash, "/assessment/campaigns/" + id, () -> {
            service.publish(CurrentScope.get(), id);
            flash.addFlashAttribute("notice", messages.get("assessment.published.notice"));
            return "redirect:/assessment/campaigns/" + id;
        });
    }

    @GetMapping("/campaigns/{id}/results/{orgId}")
    public String result(@PathVariable long id, @PathVariable long orgId, Model model) {
        model.addAttribute("r", service.result(CurrentScope.get(), id, orgId));
        return "assessment/result";
    }

    @PostMapping("/campaigns/{id}/results/{orgId}/self-check")
    public String selfCheck(@PathVariable long id, @PathVariable long orgId, @RequestParam Map<String, String> params,
                            RedirectAttributes flash) {
        String back = "/assessment/campaigns/" + id + "/results/" + orgId;
        return act(flash, back, () -> {
            ResultDetail r = service.result(CurrentScope.get(), id, orgId);
            List<ItemEntry> entries = new ArrayList<>();
            for (ItemScore i : r.items()) {
                String score = params.get("score_" + i.code());
                String note = params.get("note_" + i.code());
                boolean judged = "JUDGED".equals(i.mode());
                BigDecimal s = judged ? number(score, "items." + i.code()) : null;
                boolean changedScore = s != null && (i.self() == null || s.compareTo(i.self()) != 0);
                boolean changedNote = note != null && !note.isBlank() && !note.equals(i.selfNote());
                if (changedScore || changedNote) {
                    entries.add(new ItemEntry(i.code(), judged ? s : null, blankToNull(note)));
                }
            }
            service.selfCheck(CurrentScope.get(), id, orgId, new SelfCheckForm(entries, blankToNull(params.get("comment")),
                    params.containsKey("submit")));
            flash.addFlashAttribute("notice", messages.get("assessment.selfCheck.notice"));
            return "redirect:" + back;
        });
    }

    @PostMapping("/campaigns/{id}/results/{orgId}/spot-check")
    public String spotCheck(@PathVariable long id, @PathVariable long orgId, @RequestParam Map<String, String> params,
                            @RequestParam(name = "veto", required = false) List<String> vetoes, RedirectAttributes flash) {
        String back = "/assessment/campaigns/" + id + "/results/" + orgId;
        return act(flash, back, () -> {
            ResultDetail r = service.result(CurrentScope.get(), id, orgId);
            List<ItemEntry> entries = new ArrayList<>();
            for (ItemScore i : r.items()) {
                BigDecimal s = number(params.get("check_" + i.code()), "items." + i.code());
                if (s != null && s.compareTo(i.score()) != 0) {
                    entries.add(new ItemEntry(i.code(), s, blankToNull(params.get("reason_" + i.code()))));
                }
            }
            service.spotCheck(CurrentScope.get(), id, orgId, new SpotCheckForm(entries,
                    vetoes == null ? List.of() : vetoes, blankToNull(params.get("rectification"))));
            flash.addFlashAttribute("notice", messages.get("assessment.spotCheck.notice"));
            return "redirect:" + back;
        });
    }

    @PostMapping("/campaigns/{id}/results/{orgId}/evidence")
    public String evidence(@PathVariable long id, @PathVariable long orgId, @RequestParam(required = false) String itemCode,
                           @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes flash) {
        String back = "/assessment/campaigns/" + id + "/results/" + orgId;
        return act(flash, back, () -> {
            try {
                service.addEvidence(CurrentScope.get(), id, orgId, itemCode, file == null ? null : file.getOriginalFilename(),
                        file == null ? null : file.getContentType(), file == null ? null : file.getBytes());
            } catch (IOException e) {
                throw InvalidInputException.of("file", "assessment.evidence.empty");
            }
            flash.addFlashAttribute("notice", messages.get("assessment.evidence.notice"));
            return "redirect:" + back;
        });
    }

    @GetMapping("/evidence/{evidenceId}")
    public ResponseEntity<byte[]> evidenceFile(@PathVariable long evidenceId) {
        return AssessmentExport.file(service.evidenceFile(CurrentScope.get(), evidenceId));
    }

    private static BigDecimal number(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(raw.trim());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(field, "assessment.item.scoreRange", "");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
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
