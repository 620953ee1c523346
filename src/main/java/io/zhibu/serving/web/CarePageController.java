package io.zhibu.serving.web;

import io.zhibu.serving.CareService;
import io.zhibu.serving.CareService.TalkForm;
import io.zhibu.serving.CareService.TalkRecordForm;
import io.zhibu.serving.CareService.VisitForm;
import io.zhibu.serving.VisitKind;
import io.zhibu.serving.VisitPlanService;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.Role;
import io.zhibu.shared.web.Messages;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 暖心工程 page of a branch committee: talks owed and held, visits, reminders. */
@Controller
@RequestMapping("/serving/care")
public class CarePageController {
    private final CareService care;
    private final VisitPlanService plans;
    private final Messages messages;

    public CarePageController(CareService care, VisitPlanService plans, Messages messages) {
        this.care = care;
        this.plans = plans;
        this.messages = messages;
    }

    @GetMapping
    public String page(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer page, Model model) {
        DataScope scope = CurrentScope.get();
        model.addAttribute("talks", care.talks(scope, orgId, page, 20));
        model.addAttribute("visits", care.visits(scope, orgId, page, 20));
        model.addAttribute("elderly", plans.elderly(scope, orgId));
        model.addAttribute("plan", plans.plan(scope, orgId, null, page, 20));
        model.addAttribute("elderlyAge", care.elderlyAge());
        model.addAttribute("pageBase", orgId == null ? "/serving/care" : "/serving/care?orgId=" + orgId);
        model.addAttribute("kinds", care.kinds());
        model.addAttribute("visitKinds", VisitKind.values());
        boolean branch = scope.role() == Role.BRANCH_SECRETARY && scope.scopeOrgId() != null;
        model.addAttribute("members", branch ? care.pickable(scope) : List.of());
        model.addAttribute("reminders", branch ? care.reminders(scope, scope.scopeOrgId()) : List.of());
        model.addAttribute("today", LocalDate.now());
        return "serving/care";
    }

    @PostMapping("/talks")
    public String add(@RequestParam(required = false) Long memberId, @RequestParam(required = false) String kind,
                      @RequestParam(required = false) String dueOn, RedirectAttributes flash) {
        return act(flash, () -> care.addTalk(CurrentScope.get(), new TalkForm(memberId, kind, date(dueOn, "dueOn"))), "serving.talk.added");
    }

    @PostMapping("/talks/{id}/record")
    public String record(@PathVariable long id, @RequestParam(required = false) String heldOn,
                         @RequestParam(required = false) String people, @RequestParam(required = false) String topic,
                         @RequestParam(required = false) String outcome, RedirectAttributes flash) {
        return act(flash, () -> care.record(CurrentScope.get(), id, new TalkRecordForm(date(heldOn, "heldOn"), people, topic, outcome)),
                "serving.talk.recorded");
    }

    @PostMapping("/visits")
    public String visit(@RequestParam(required = false) Long memberId, @RequestParam(required = false) String kind,
                        @RequestParam(required = false) String visitedOn, @RequestParam(required = false) String visitors,
                        @RequestParam(required = false) String notes, RedirectAttributes flash) {
        return act(flash, () -> care.addVisit(CurrentScope.get(), new VisitForm(memberId, visitKind(kind),
                date(visitedOn, "visitedOn"), visitors, notes)), "serving.visit.added");
    }

    @PostMapping("/plan")
    public String plan(@RequestParam(required = false) Long memberId, @RequestParam(required = false) String kind,
                       @RequestParam(required = false) Integer month, @RequestParam(required = false) String note,
                       RedirectAttributes flash) {
        return act(flash, () -> plans.add(CurrentScope.get(), new VisitPlanService.PlanForm(memberId, visitKind(kind), month, note, null)),
                "serving.plan.added");
    }

    @PostMapping("/plan/elderly")
    public String planElderly(RedirectAttributes flash) {
        return act(flash, () -> plans.planElderly(CurrentScope.get(), null, null), "serving.plan.elderlyAdded");
    }

    private static VisitKind visitKind(String raw) {
        try {
            return raw == null || raw.isBlank() ? null : VisitKind.valueOf(raw.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("kind", "validation.required");
        }
    }

    private static LocalDate date(String raw, String field) {
        try {
            return raw == null || raw.isBlank() ? null : LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, "serving.date");
        }
    }

    private String act(RedirectAttributes flash, Runnable action, String notice) {
        try {
            action.run();
            flash.addFlashAttribute("notice", messages.get(notice));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("actionErrors", List.copyOf(messages.fieldErrors(e.violations()).values()));
        } catch (ConflictException e) {
            flash.addFlashAttribute("actionErrors", List.of(messages.get(e.code(), e.args())));
        }
        return "redirect:/serving/care";
    }
}
