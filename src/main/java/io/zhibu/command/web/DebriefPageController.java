package io.zhibu.command.web;

import io.zhibu.command.DebriefGrade;
import io.zhibu.command.DebriefService;
import io.zhibu.command.DebriefViews;
import io.zhibu.command.EvaluatorKind;
import io.zhibu.command.TaskTargets;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.web.Messages;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 述职评议 pages (考核督导): the list (rounds opened here with the open form, reports in scope, an organization's
 * history with {@code ?orgId=}), the owner's board (grades, publish) and the secretary's phone page (file, result).
 */
@Controller
public class DebriefPageController {
    private final DebriefService debriefs;
    private final Messages messages;
    private final Clock clock;

    public DebriefPageController(DebriefService debriefs, Messages messages, Clock clock) {
        this.debriefs = debriefs;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/debriefs")
    public String list(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long orgId,
                       Model model) {
        DataScope scope = CurrentScope.get();
        model.addAttribute("listing", debriefs.list(scope, year, orgId));
        model.addAttribute("canOpen", scope.canManageOrgs() && scope.scopeOrgId() != null && orgId == null);
        int thisYear = LocalDate.now(clock).getYear();
        model.addAttribute("years", List.of(thisYear, thisYear - 1));
        model.addAttribute("history", orgId != null);
        model.addAttribute("myOrgId", scope.scopeOrgId());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "command/debriefs";
    }

    /** Opens a round for every branch below the caller's organization, or for its direct children. */
    @PostMapping("/debriefs")
    public String open(@RequestParam(required = false) Integer year, @RequestParam(required = false) String mode,
                       Model model, RedirectAttributes flash) {
        DataScope scope = CurrentScope.get();
        try {
            TaskTargets targets = new TaskTargets(null, scope.scopeOrgId(), "CHILDREN".equals(mode) ? 1 : null, null, null);
            long id = debriefs.open(scope, new DebriefViews.NewDebrief(year, targets));
            return "redirect:/debriefs/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", messages.fieldErrors(e.violations()));
        }
        return list(null, null, model);
    }

    @GetMapping("/debriefs/{id}")
    public String board(@PathVariable long id, Model model) {
        model.addAttribute("board", debriefs.board(CurrentScope.get(), id));
        model.addAttribute("kinds", EvaluatorKind.values());
        model.addAttribute("grades", DebriefGrade.values());
        return "command/debrief";
    }

    @PostMapping("/debriefs/{id}/reports/{orgId}/grades")
    public String grade(@PathVariable long id, @PathVariable long orgId, @RequestParam(required = false) String evaluator,
                        @RequestParam(required = false) EvaluatorKind kind, @RequestParam(required = false) DebriefGrade grade,
                        RedirectAttributes flash) {
        try {
            debriefs.grade(CurrentScope.get(), id, orgId, new DebriefViews.Grading(evaluator, kind, grade));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("actionErrors", List.copyOf(messages.fieldErrors(e.violations()).values()));
        } catch (ConflictException e) {
            flash.addFlashAttribute("actionErrors", List.of(messages.get(e.code(), e.args())));
        }
        return "redirect:/debriefs/" + id;
    }

    @PostMapping("/debriefs/{id}/publish")
    public String publish(@PathVariable long id, RedirectAttributes flash) {
        try {
            debriefs.publish(CurrentScope.get(), id);
        } catch (ConflictException e) {
            flash.addFlashAttribute("actionErrors", List.of(messages.get(e.code(), e.args())));
        }
        return "redirect:/debriefs/" + id;
    }

    @GetMapping("/debriefs/{id}/report")
    public String report(@PathVariable long id, Model model) {
        model.addAttribute("r", debriefs.own(CurrentScope.get(), id));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "command/debrief-report";
    }

    @PostMapping("/debriefs/{id}/report")
    public String file(@PathVariable long id, @RequestParam(required = false) String text,
                       @RequestParam(required = false) Integer version, Model model, RedirectAttributes flash) {
        try {
            debriefs.file(CurrentScope.get(), id, new DebriefViews.Filing(text, version));
            return "redirect:/debriefs/" + id + "/report";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", messages.fieldErrors(e.violations()));
            model.addAttribute("text", text);
        } catch (ConflictException e) {
            model.addAttribute("actionErrors", List.of(messages.get(e.code(), e.args())));
        }
        return report(id, model);
    }
}
