package io.zhibu.assessment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhibu.assessment.SurveyService;
import io.zhibu.assessment.SurveyService.SurveyForm;
import io.zhibu.assessment.SurveyService.SurveyView;
import io.zhibu.assessment.WeakLaxService;
import io.zhibu.assessment.WeakLaxService.*;
import io.zhibu.shared.CurrentScope;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 软弱涣散 rectification and 三率 surveys (rules.md §8.1, §8.2). */
@RestController
@RequestMapping("/api/v1/assessment")
@Tag(name = "assessment", description = "Branch standards and assessment (考核评价), rules.md §8")
public class RectificationApiController {
    private final WeakLaxService weak;
    private final SurveyService surveys;

    public RectificationApiController(WeakLaxService weak, SurveyService surveys) {
        this.weak = weak;
        this.surveys = surveys;
    }

    @GetMapping("/campaigns/{id}/weak-candidates")
    @Operation(summary = "软弱涣散 candidates of a campaign: no star, veto, secretary vacant > 3 months, last place, satisfaction < 60%")
    public List<Candidate> candidates(@PathVariable long id) {
        return weak.candidates(CurrentScope.get(), id);
    }

    @GetMapping("/weak")
    @Operation(summary = "Designations in the caller's subtree (ACTIVE, LIFTED or all): the history stays visible")
    public List<Summary> designations(@RequestParam(required = false) String status) {
        return weak.list(CurrentScope.get(), status);
    }

    @PostMapping("/weak")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Designate a branch as 软弱涣散 (its superior only; reason mandatory)")
    public Detail designate(@RequestBody DesignateForm form) {
        return weak.designate(CurrentScope.get(), form);
    }

    @GetMapping("/weak/{id}")
    public Detail designation(@PathVariable long id) {
        return weak.detail(CurrentScope.get(), id);
    }

    @PostMapping("/weak/{id}/tasks")
    @Operation(summary = "Add a rectification task (title, owner, deadline)")
    public Detail task(@PathVariable long id, @RequestBody TaskForm form) {
        return weak.addTask(CurrentScope.get(), id, form);
    }

    @PostMapping("/weak/{id}/progress")
    @Operation(summary = "Report progress (the branch), optionally moving one task to OPEN, DOING or DONE")
    public Detail progress(@PathVariable long id, @RequestBody ProgressForm form) {
        return weak.report(CurrentScope.get(), id, form);
    }

    @PostMapping("/weak/{id}/review")
    @Operation(summary = "Review by the superior: lift (摘帽, all tasks done) or not, with the conclusion")
    public Detail review(@PathVariable long id, @RequestBody ReviewForm form) {
        return weak.review(CurrentScope.get(), id, form);
    }

    @GetMapping("/surveys")
    @Operation(summary = "Three-rate surveys in the caller's subtree with their rates")
    public List<SurveyView> surveys(@RequestParam(required = false) Long orgId) {
        return surveys.list(CurrentScope.get(), orgId);
    }

    @PostMapping("/surveys")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open an anonymous survey of a branch (its superior): public link /survey/{token}")
    public SurveyView open(@RequestBody SurveyForm form) {
        return surveys.open(CurrentScope.get(), form);
    }

    @GetMapping("/surveys/{id}")
    @Operation(summary = "A survey with satisfaction, awareness, participation and response rates")
    public SurveyView survey(@PathVariable long id) {
        return surveys.get(CurrentScope.get(), id);
    }

    @PostMapping("/surveys/{id}/close")
    public SurveyView close(@PathVariable long id) {
        return surveys.close(CurrentScope.get(), id);
    }

    @PostMapping("/surveys/{id}/tickets")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue one-time answer tickets (one per member of the branch, and public slips); shown once")
    public List<SurveyService.Ticket> tickets(@PathVariable long id, @RequestBody SurveyService.TicketForm form) {
        return surveys.issueTickets(CurrentScope.get(), id, form);
    }

    @PostMapping("/surveys/{id}/answers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A signed-in member answers the branch's survey once (anonymous answer)")
    public java.util.Map<String, Object> answer(@PathVariable long id, @RequestBody SurveyService.AnswerForm form) {
        surveys.answerAsMember(CurrentScope.get(), id, form);
        return java.util.Map.of("recorded", true);
    }
}
