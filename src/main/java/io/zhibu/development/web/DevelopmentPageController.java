package io.zhibu.development.web;

import io.zhibu.development.DevState;
import io.zhibu.development.DevStep;
import io.zhibu.development.Decision;
import io.zhibu.development.DevelopmentModel.AmendForm;
import io.zhibu.development.DevelopmentModel.ApplicantForm;
import io.zhibu.development.DevelopmentModel.CloseForm;
import io.zhibu.development.DevelopmentModel.PersonDetail;
import io.zhibu.development.DevelopmentModel.PlanForm;
import io.zhibu.development.DevelopmentModel.StepForm;
import io.zhibu.development.DevelopmentService;
import io.zhibu.member.MemberCodes;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.web.Messages;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** Development pages: pipeline and people, registration, the person page with the next-step form, dossier, to-do. */
@Controller
@RequestMapping("/development")
public class DevelopmentPageController {
    private final DevelopmentService service;
    private final Messages messages;

    public DevelopmentPageController(DevelopmentService service, Messages messages) {
        this.service = service;
        this.messages = messages;
    }

    @GetMapping
    public String index(@RequestParam(required = false) Long orgId, @RequestParam(required = false) DevState state,
                        @RequestParam(required = false) Integer year, @RequestParam(required = false) Integer page,
                        Model model) {
        DataScope scope = CurrentScope.get();
        model.addAttribute("pipeline", service.pipeline(scope, orgId, year));
        model.addAttribute("result", service.search(scope, orgId, state, page, 20));
        model.addAttribute("orgId", orgId);
        model.addAttribute("state", state);
        model.addAttribute("states", DevState.values());
        model.addAttribute("pageBase", UriComponentsBuilder.fromPath("/development")
                .queryParamIfPresent("orgId", Optional.ofNullable(orgId))
                .queryParamIfPresent("state", Optional.ofNullable(state)).encode().build().toUriString());
        model.addAttribute("planOrgId", orgId != null ? orgId : scope.scopeOrgId());
        return "development/index";
    }

    @GetMapping("/todo")
    public String todo(@RequestParam(required = false) Long orgId, Model model) {
        model.addAttribute("items", service.todo(CurrentScope.get(), orgId));
        return "development/todo";
    }

    @PostMapping("/plans")
    public String plan(PlanForm form, RedirectAttributes flash) {
        try {
            service.savePlan(CurrentScope.get(), form);
            flash.addFlashAttribute("notice", messages.get("dev.planSaved"));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("actionErrors", new java.util.ArrayList<>(messages.fieldErrors(e.violations()).values()));
        }
        return "redirect:/development" + (form.orgId() == null ? "" : "?orgId=" + form.orgId());
    }

    @GetMapping("/new")
    public String newForm(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new ApplicantForm(CurrentScope.get().scopeOrgId(), null, null, "01", null, null));
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        model.addAttribute("ethnicities", MemberCodes.labels(MemberCodes.ETHNICITY, LocaleContextHolder.getLocale()));
        return "development/new";
    }

    @PostMapping
    public String register(ApplicantForm form, Model model, RedirectAttributes flash) {
        try {
            PersonDetail p = service.register(CurrentScope.get(), form);
            flash.addFlashAttribute("notice", messages.get("dev.created", p.person().name()));
            return "redirect:/development/" + p.person().id();
        } catch (InvalidInputException e) {
            model.addAttribute("form", form);
            model.addAttribute("errors", messages.fieldErrors(e.violations()));
            return newForm(model);
        }
    }

    @GetMapping("/{id}")
    public String person(@PathVariable long id, Model model) {
        PersonDetail p = service.detail(CurrentScope.get(), id);
        model.addAttribute("p", p);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", StepForm.empty(p.version(),
                    service.properties().anonymousBallotDefault() ? "ANONYMOUS" : "SHOW_OF_HANDS"));
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        model.addAttribute("values", values((StepForm) model.getAttribute("form")));
        model.addAttribute("nextDef", p.next() == null || p.next().stepNo() == 0 ? null : DevStep.of(p.next().stepNo()));
        model.addAttribute("decisions", Decision.values());
        return "development/person";
    }

    @PostMapping("/{id}/steps/{stepNo}")
    public String complete(@PathVariable long id, @PathVariable int stepNo, StepForm form, Model model,
                           RedirectAttributes flash) {
        try {
            service.complete(CurrentScope.get(), id, stepNo, form);
            flash.addFlashAttribute("notice", messages.get("dev.stepDone", stepNo));
            return "redirect:/development/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("form", form);
            model.addAttribute("errors", messages.fieldErrors(e.violations()));
            return person(id, model);
        } catch (ConflictException e) {
            model.addAttribute("form", form);
            model.addAttribute("errors", Map.of("version", messages.get(e.code(), e.args())));
            return person(id, model);
        }
    }

    @PostMapping("/{id}/amend")
    public String amend(@PathVariable long id, AmendForm form, RedirectAttributes flash) {
        return action(id, flash, "dev.amended", () -> service.amend(CurrentScope.get(), id, form));
    }

    @PostMapping("/{id}/terminate")
    public String terminate(@PathVariable long id, CloseForm form, RedirectAttributes flash) {
        return action(id, flash, "dev.terminated", () -> service.terminate(CurrentScope.get(), id, form));
    }

    @GetMapping("/{id}/dossier")
    public String dossier(@PathVariable long id, Model model) {
        model.addAttribute("p", service.detail(CurrentScope.get(), id));
        return "development/dossier";
    }

    /** The step form's fields by name, for the shared input fragment. */
    private static Map<String, Object> values(StepForm f) {
        Map<String, Object> m = new java.util.HashMap<>();
        for (var c : StepForm.class.getRecordComponents()) {
            try {
                m.put(c.getName(), c.getAccessor().invoke(f));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return m;
    }

    private String action(long id, RedirectAttributes flash, String done, Runnable command) {
        try {
            command.run();
            flash.addFlashAttribute("notice", messages.get(done));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("actionErrors", new java.util.ArrayList<>(messages.fieldErrors(e.violations()).values()));
        } catch (ConflictException e) {
            flash.addFlashAttribute("actionErrors", java.util.List.of(messages.get(e.code(), e.args())));
        }
        return "redirect:/development/" + id;
    }
}
