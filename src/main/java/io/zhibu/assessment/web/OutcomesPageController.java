package io.zhibu.assessment.web;

import io.zhibu.assessment.AssessmentOutcomes;
import io.zhibu.assessment.AssessmentOutcomes.DesignateForm;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.web.Messages;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 考评结果运用 page: 评先评优 candidates and next year's 集中整顿 candidates of a year, with the designate button. */
@Controller
@RequestMapping("/assessment/outcomes")
public class OutcomesPageController {
    private final AssessmentOutcomes outcomes;
    private final Messages messages;
    private final Clock clock;

    public OutcomesPageController(AssessmentOutcomes outcomes, Messages messages, Clock clock) {
        this.outcomes = outcomes;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    public String page(@RequestParam(required = false) Integer year, Model model) {
        int y = year == null ? LocalDate.now(clock).getYear() - 1 : year;
        model.addAttribute("o", outcomes.outcomes(CurrentScope.get(), y));
        model.addAttribute("canDesignate", CurrentScope.get().canManageOrgs());
        return "assessment/outcomes";
    }

    @PostMapping("/weak-lax")
    public String designate(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
                            RedirectAttributes flash) {
        String back = "/assessment/outcomes" + (year == null ? "" : "?year=" + year);
        try {
            var d = outcomes.designateNextYear(CurrentScope.get(), new DesignateForm(orgId, year, null));
            flash.addFlashAttribute("notice", messages.get("assessment.outcomes.designated", d.orgName()));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("actionErrors", List.copyOf(messages.fieldErrors(e.violations()).values()));
        } catch (ConflictException e) {
            flash.addFlashAttribute("actionErrors", List.of(messages.get(e.code(), e.args())));
        }
        return "redirect:" + back;
    }
}
