package io.zhibu.command.web;

import io.zhibu.command.ProjectKind;
import io.zhibu.command.ProjectService;
import io.zhibu.command.ProjectState;
import io.zhibu.command.ProjectViews;
import io.zhibu.command.TaskTargets;
import io.zhibu.org.OrgType;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.web.Messages;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
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
 * 项目书 pages (考核督导): the year's catalogue (add form and half-year dispatch records for the staff, the caller's
 * own projects), one project's board (plan or claim, quarterly report with evidence, year-end evaluation) and one
 * organization's board.
 */
@Controller
public class ProjectPageController {
    private final ProjectService projects;
    private final Messages messages;
    private final Clock clock;

    public ProjectPageController(ProjectService projects, Messages messages, Clock clock) {
        this.projects = projects;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/projects")
    public String book(@RequestParam(required = false) Integer year, Model model) {
        DataScope scope = CurrentScope.get();
        int thisYear = LocalDate.now(clock).getYear();
        model.addAttribute("book", projects.book(scope, year == null ? thisYear : year));
        model.addAttribute("canAdd", scope.canManageOrgs() && scope.scopeOrgId() != null);
        model.addAttribute("years", List.of(thisYear + 1, thisYear, thisYear - 1));
        model.addAttribute("kinds", ProjectKind.values());
        model.addAttribute("types", List.of(OrgType.BRANCH, OrgType.GENERAL_BRANCH, OrgType.COMMITTEE));
        model.addAttribute("myOrgId", scope.scopeOrgId());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("dispatchErrors")) {
            model.addAttribute("dispatchErrors", Map.of());
        }
        return "command/projects";
    }

    /** Adds a project; a key project goes to every branch below the caller or to its direct children. */
    @PostMapping("/projects")
    public String create(@RequestParam(required = false) Integer year, @RequestParam(required = false) String code,
                         @RequestParam(required = false) ProjectKind kind, @RequestParam(required = false) String title,
                         @RequestParam(required = false) String goal, @RequestParam(required = false) String standard,
                         @RequestParam(required = false) String measures,
                         @RequestParam(required = false) String department,
                         @RequestParam(required = false) OrgType appliesTo, @RequestParam(required = false) String mode,
                         Model model) {
        DataScope scope = CurrentScope.get();
        try {
            TaskTargets targets = kind == ProjectKind.KEY
                    ? new TaskTargets(null, scope.scopeOrgId(), "CHILDREN".equals(mode) ? 1 : null, null, null) : null;
            long id = projects.create(scope, new ProjectViews.NewProject(year, code, kind, title, goal, standard,
                    measures, department, appliesTo, targets));
            return "redirect:/projects/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", messages.fieldErrors(e.violations()));
            model.addAttribute("form", Map.of("code", code == null ? "" : code, "title", title == null ? "" : title,
                    "goal", goal == null ? "" : goal, "department", department == null ? "" : department));
        }
        return book(year, model);
    }

    @PostMapping("/projects/dispatches")
    public String dispatch(@RequestParam(required = false) Integer year,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
                           @RequestParam(required = false) String notes, Model model) {
        try {
            projects.dispatch(CurrentScope.get(), new ProjectViews.NewDispatch(year, heldOn, notes));
            return "redirect:/projects?year=" + year;
        } catch (InvalidInputException e) {
            model.addAttribute("dispatchErrors", messages.fieldErrors(e.violations()));
        }
        return book(year, model);
    }

    @GetMapping("/projects/{id}")
    public String board(@PathVariable long id, Model model) {
        DataScope scope = CurrentScope.get();
        ProjectViews.Board board = projects.board(scope, id);
        model.addAttribute("board", board);
        model.addAttribute("own", board.rows().stream().filter(r -> r.orgId() == scope.scopeOrgIdOrZero())
                .findFirst().orElse(null));
        model.addAttribute("quarters", List.of(1, 2, 3, 4));
        model.addAttribute("states", ProjectState.values());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "command/project";
    }

    @PostMapping("/projects/{id}/plan")
    public String plan(@PathVariable long id, @RequestParam(required = false) String leader,
                       @RequestParam(required = false) String measures, @RequestParam(required = false) String milestones,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
                       @RequestParam(required = false) Integer version, Model model) {
        try {
            projects.plan(CurrentScope.get(), id, new ProjectViews.Plan(leader, measures, milestones, deadline, version));
            return "redirect:/projects/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", messages.fieldErrors(e.violations()));
        } catch (ConflictException e) {
            model.addAttribute("actionErrors", List.of(messages.get(e.code(), e.args())));
        }
        return board(id, model);
    }

    /** A quarterly report with optional evidence (multipart). */
    @PostMapping("/projects/{id}/reports")
    public String report(@PathVariable long id, @RequestParam(required = false) Integer quarter,
                         @RequestParam(required = false) String progress, @RequestParam(required = false) Boolean done,
                         @RequestParam(value = "file", required = false) MultipartFile file, Model model)
            throws IOException {
        DataScope scope = CurrentScope.get();
        try {
            projects.report(scope, id, new ProjectViews.Progress(quarter, progress, done));
            if (file != null && !file.isEmpty()) {
                projects.evidence(scope, id, quarter, file.getOriginalFilename(), file.getBytes());
            }
            return "redirect:/projects/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", messages.fieldErrors(e.violations()));
        } catch (ConflictException e) {
            model.addAttribute("actionErrors", List.of(messages.get(e.code(), e.args())));
        }
        return board(id, model);
    }

    @PostMapping("/projects/{id}/orgs/{orgId}/evaluation")
    public String evaluate(@PathVariable long id, @PathVariable long orgId,
                           @RequestParam(required = false) BigDecimal score, @RequestParam(required = false) String comment,
                           RedirectAttributes flash) {
        try {
            projects.evaluate(CurrentScope.get(), id, orgId, new ProjectViews.Evaluation(score, comment));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("actionErrors", List.copyOf(messages.fieldErrors(e.violations()).values()));
        } catch (ConflictException e) {
            flash.addFlashAttribute("actionErrors", List.of(messages.get(e.code(), e.args())));
        }
        return "redirect:/projects/" + id;
    }

    @GetMapping("/projects/orgs/{orgId}")
    public String orgBoard(@PathVariable long orgId, @RequestParam(required = false) Integer year, Model model) {
        model.addAttribute("b", projects.orgBoard(CurrentScope.get(), orgId, year));
        return "command/project-org";
    }
}
