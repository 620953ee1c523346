package io.zhibu.assessment.web;

import io.zhibu.assessment.AssessmentService;
import io.zhibu.assessment.SurveyService;
import io.zhibu.assessment.SurveyService.SurveyForm;
import io.zhibu.assessment.SurveyService.SurveyView;
import io.zhibu.assessment.WeakLaxService;
import io.zhibu.assessment.WeakLaxService.*;
import io.zhibu.shared.web.QrSvg;
import io.zhibu.org.OrgService;
import io.zhibu.org.OrgType;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.web.Messages;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Pages of 软弱涣散 rectification and 三率 surveys (phone-friendly; same services as the API). */
@Controller
@RequestMapping("/assessment")
public class RectificationPageController {
    private final WeakLaxService weak;
    private final SurveyService surveys;
    private final AssessmentService assessment;
    private final Messages messages;
    private final OrgService orgs;

    public RectificationPageController(WeakLaxService weak, SurveyService surveys, AssessmentService assessment,
                                       Messages messages, OrgService orgs) {
        this.orgs = orgs;
        this.weak = weak;
        this.surveys = surveys;
        this.assessment = assessment;
        this.messages = messages;
    }

    /** Designations (active and lifted: the history) and, for a superior, the candidates of a chosen campaign. */
    @GetMapping("/weak")
    public String weakList(@RequestParam(required = false) Long campaignId, @RequestParam(required = false) String q,
                           @RequestParam(required = false) String signal, @RequestParam(required = false) Integer page,
                           Model model) {
        DataScope scope = CurrentScope.get();
        model.addAttribute("list", weak.list(scope, null));
        boolean manager = scope.canManageOrgs();
        model.addAttribute("manager", manager);
        if (manager) {
            var campaigns = assessment.campaigns(scope);
            model.addAttribute("campaigns", campaigns);
            Long chosen = campaignId != null ? campaignId : campaigns.isEmpty() ? null : campaigns.getFirst().id();
            model.addAttribute("campaignId", chosen);
            List<WeakLaxService.Candidate> all = chosen == null ? List.of() : weak.candidates(scope, chosen);
            // a county's campaign can flag hundreds of branches: a summary per signal, filters, 20 per page
            java.util.Map<String, Long> bySignal = new java.util.TreeMap<>();
            all.forEach(c -> c.signals().forEach(g -> bySignal.merge(String.valueOf(g), 1L, Long::sum)));
            List<WeakLaxService.Candidate> shown = io.zhibu.shared.web.ListPages.named(all, q, WeakLaxService.Candidate::orgName);
            if (signal != null && !signal.isBlank()) {
                shown = shown.stream().filter(c -> c.signals().stream().anyMatch(g -> String.valueOf(g).equals(signal))).toList();
            }
            model.addAttribute("candidateCount", all.size());
            model.addAttribute("bySignal", bySignal);
            model.addAttribute("candidates", io.zhibu.shared.web.ListPages.page(shown, page, 20));
            model.addAttribute("q", q);
            model.addAttribute("signal", signal);
            model.addAttribute("pageBase", io.zhibu.shared.web.ListPages.base("/assessment/weak", "campaignId", chosen,
                    "q", q, "signal", signal));
        }
        return "assessment/weak";
    }

    @PostMapping("/weak")
    public String designate(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Long campaignId,
                            @RequestParam(required = false) List<String> signals, @RequestParam(required = false) String reason,
                            RedirectAttributes flash) {
        String back = "/assessment/weak" + (campaignId == null ? "" : "?campaignId=" + campaignId);
        return act(flash, back, () -> {
            Detail d = weak.designate(CurrentScope.get(), new DesignateForm(orgId, campaignId, signals, reason));
            flash.addFlashAttribute("notice", messages.get("assessment.weak.designated", d.orgName()));
            return "redirect:/assessment/weak/" + d.id();
        });
    }

    @GetMapping("/weak/{id}")
    public String weakDetail(@PathVariable long id, Model model) {
        model.addAttribute("w", weak.detail(CurrentScope.get(), id));
        model.addAttribute("today", LocalDate.now());
        return "assessment/weak-detail";
    }

    @PostMapping("/weak/{id}/tasks")
    public String task(@PathVariable long id, @RequestParam(required = false) String title, @RequestParam(required = false) String owner,
                       @RequestParam(required = false) String dueOn, RedirectAttributes flash) {
        String back = "/assessment/weak/" + id;
        return act(flash, back, () -> {
            weak.addTask(CurrentScope.get(), id, new TaskForm(title, owner, date(dueOn, "dueOn")));
            flash.addFlashAttribute("notice", messages.get("assessment.weak.saved"));
            return "redirect:" + back;
        });
    }

    @PostMapping("/weak/{id}/progress")
    public String progress(@PathVariable long id, @RequestParam(required = false) Long taskId,
                           @RequestParam(required = false) String taskStatus, @RequestParam(required = false) String note,
                           RedirectAttributes flash) {
        String back = "/assessment/weak/" + id;
        return act(flash, back, () -> {
            weak.report(CurrentScope.get(), id, new ProgressForm(taskId, taskId == null ? null : taskStatus, note));
            flash.addFlashAttribute("notice", messages.get("assessment.weak.saved"));
            return "redirect:" + back;
        });
    }

    @PostMapping("/weak/{id}/review")
    public String review(@PathVariable long id, @RequestParam(required = false) Boolean lift,
                         @RequestParam(required = false) String conclusion, RedirectAttributes flash) {
        String back = "/assessment/weak/" + id;
        return act(flash, back, () -> {
            weak.review(CurrentScope.get(), id, new ReviewForm(lift, conclusion));
            flash.addFlashAttribute("notice", messages.get("assessment.weak.saved"));
            return "redirect:" + back;
        });
    }

    @GetMapping("/surveys")
    public String surveyList(@RequestParam(required = false) Long orgId, @RequestParam(required = false) String q,
                             @RequestParam(required = false) Integer page, Model model) {
        DataScope scope = CurrentScope.get();
        // a county opens one survey per branch each year: a name filter and 25 lines a page, not the whole county
        var shown = io.zhibu.shared.web.ListPages.named(surveys.list(scope, orgId), q, s -> s.title() + " " + s.orgName());
        model.addAttribute("list", io.zhibu.shared.web.ListPages.page(shown, page, io.zhibu.shared.web.ListPages.PAGE_SIZE));
        model.addAttribute("q", q);
        model.addAttribute("pageBase", io.zhibu.shared.web.ListPages.base("/assessment/surveys", "orgId", orgId, "q", q));
        model.addAttribute("manager", scope.canManageOrgs());
        model.addAttribute("year", LocalDate.now().getYear());
        model.addAttribute("branches", scope.canManageOrgs() && scope.scopeOrgId() != null
                ? orgs.activeIn(scope, scope.scopeOrgId(), List.of(OrgType.BRANCH, OrgType.JOINT_BRANCH, OrgType.TEMPORARY_BRANCH))
                : List.of());
        return "assessment/surveys";
    }

    @PostMapping("/surveys")
    public String openSurvey(@RequestParam(required = false) Long orgId, @RequestParam(required = false) String title,
                             @RequestParam(required = false) Integer audience, @RequestParam(required = false) Integer year,
                             RedirectAttributes flash) {
        return act(flash, "/assessment/surveys", () -> {
            SurveyView v = surveys.open(CurrentScope.get(), new SurveyForm(orgId, title, audience, year));
            return "redirect:/assessment/surveys/" + v.id();
        });
    }

    @GetMapping("/surveys/{id}")
    public String survey(@PathVariable long id, Model model) {
        SurveyView v = surveys.get(CurrentScope.get(), id);
        String link = ServletUriComponentsBuilder.fromCurrentContextPath().path("/survey/" + v.token()).toUriString();
        model.addAttribute("v", v);
        model.addAttribute("link", link);
        model.addAttribute("qr", QrSvg.of(link));
        return "assessment/survey";
    }

    /** Issues one-time tickets and shows them once as a printable sheet of links and QR codes. */
    @PostMapping("/surveys/{id}/tickets")
    public String tickets(@PathVariable long id, @RequestParam(required = false) Boolean members,
                          @RequestParam(required = false) Integer publicCount, Model model, RedirectAttributes flash) {
        String back = "/assessment/surveys/" + id;
        return act(flash, back, () -> {
            SurveyView v = surveys.get(CurrentScope.get(), id);
            List<SurveyService.Ticket> tickets = surveys.issueTickets(CurrentScope.get(), id,
                    new SurveyService.TicketForm(members, publicCount));
            String base = ServletUriComponentsBuilder.fromCurrentContextPath().path("/survey/" + v.token()).toUriString();
            model.addAttribute("v", v);
            model.addAttribute("slips", tickets.stream().map(t -> java.util.Map.of("label", t.label(), "kind",
                    t.audienceKind(), "link", base + "?t=" + t.ticket(), "qr", QrSvg.of(base + "?t=" + t.ticket()))).toList());
            return "assessment/survey-tickets";
        });
    }

    @PostMapping("/surveys/{id}/close")
    public String closeSurvey(@PathVariable long id, RedirectAttributes flash) {
        String back = "/assessment/surveys/" + id;
        return act(flash, back, () -> {
            surveys.close(CurrentScope.get(), id);
            return "redirect:" + back;
        });
    }

    private static LocalDate date(String raw, String field) {
        try {
            return raw == null || raw.isBlank() ? null : LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, "assessment.weak.date");
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
