package io.zhibu.assessment.web;

import io.zhibu.assessment.FiveGoodService;
import io.zhibu.assessment.FiveGoodService.ApplyForm;
import io.zhibu.assessment.FiveGoodService.CheckForm;
import io.zhibu.assessment.FiveGoodService.ReviewForm;
import io.zhibu.org.OrgService;
import io.zhibu.org.OrgType;
import io.zhibu.org.Organization;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.web.Messages;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
 * “五好”创建 pages (phone-first): the applications of a year with the apply form and the register of titles won;
 * one application with its high-voltage lines in words, the superior's review / award buttons and the 中期检查 records.
 */
@Controller
@RequestMapping("/assessment/five-good")
public class FiveGoodPageController {
    private static final List<OrgType> APPLICANTS = List.of(OrgType.COMMITTEE, OrgType.BRANCH, OrgType.JOINT_BRANCH,
            OrgType.TEMPORARY_BRANCH);
    private final FiveGoodService service;
    private final OrgService orgs;
    private final Messages messages;
    private final Clock clock;

    public FiveGoodPageController(FiveGoodService service, OrgService orgs, Messages messages, Clock clock) {
        this.service = service;
        this.orgs = orgs;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    public String list(@RequestParam(required = false) Integer year, Model model) {
        DataScope scope = CurrentScope.get();
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        model.addAttribute("year", y);
        model.addAttribute("list", service.list(scope, y, null));
        model.addAttribute("titles", service.titles(scope, y));
        List<Organization> applicants = !scope.canManageMembers() || scope.scopeOrgId() == null ? List.of()
                : orgs.get(scope, scope.scopeOrgId()).type().holdsMembers() ? List.of(orgs.get(scope, scope.scopeOrgId()))
                : orgs.activeIn(scope, scope.scopeOrgId(), APPLICANTS);
        model.addAttribute("applicants", applicants);
        return "assessment/five-good";
    }

    @GetMapping("/{id}")
    public String detail(@PathVariable long id, Model model) {
        model.addAttribute("a", service.get(CurrentScope.get(), id));
        model.addAttribute("today", LocalDate.now(clock));
        return "assessment/five-good-detail";
    }

    @PostMapping
    public String apply(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
                        @RequestParam(required = false) String statement, RedirectAttributes flash) {
        String back = "/assessment/five-good" + (year == null ? "" : "?year=" + year);
        return act(flash, back, () -> {
            var a = service.apply(CurrentScope.get(), new ApplyForm(orgId, year, statement));
            flash.addFlashAttribute("notice", messages.get("assessment.fiveGood.applied"));
            return "redirect:/assessment/five-good/" + a.id();
        });
    }

    @PostMapping("/{id}/review")
    public String review(@PathVariable long id, @RequestParam(required = false) String decision,
                         @RequestParam(required = false) String note,
                         @RequestParam(required = false) List<String> lines, RedirectAttributes flash) {
        String back = "/assessment/five-good/" + id;
        return act(flash, back, () -> {
            service.review(CurrentScope.get(), id, new ReviewForm(decision, note, lines));
            flash.addFlashAttribute("notice", messages.get("assessment.fiveGood.reviewed"));
            return "redirect:" + back;
        });
    }

    @PostMapping("/{id}/award")
    public String award(@PathVariable long id, RedirectAttributes flash) {
        String back = "/assessment/five-good/" + id;
        return act(flash, back, () -> {
            service.award(CurrentScope.get(), id);
            flash.addFlashAttribute("notice", messages.get("assessment.fiveGood.awarded"));
            return "redirect:" + back;
        });
    }

    @PostMapping("/{id}/checks")
    public String check(@PathVariable long id, @RequestParam(required = false) String checkedOn,
                        @RequestParam(required = false) String checker, @RequestParam(required = false) String findings,
                        RedirectAttributes flash) {
        String back = "/assessment/five-good/" + id;
        return act(flash, back, () -> {
            service.addCheck(CurrentScope.get(), id, new CheckForm(date(checkedOn), checker, findings));
            flash.addFlashAttribute("notice", messages.get("assessment.fiveGood.checked"));
            return "redirect:" + back;
        });
    }

    private static LocalDate date(String raw) {
        try {
            return raw == null || raw.isBlank() ? null : LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of("checkedOn", "assessment.fiveGood.check.date");
        }
    }

    private String act(RedirectAttributes flash, String back, Supplier<String> action) {
        try {
            return action.get();
        } catch (InvalidInputException e) {
            // each message names its field in words (申报党组织：必填)
            flash.addFlashAttribute("actionErrors", e.violations().stream()
                    .map(v -> messages.get("assessment.fiveGood.fieldError", messages.get("assessment.fiveGood.field." + v.field()),
                            messages.get(v.code(), v.args())))
                    .distinct().toList());
        } catch (ConflictException e) {
            flash.addFlashAttribute("actionErrors", List.of(messages.get(e.code(), e.args())));
        }
        return "redirect:" + back;
    }
}
