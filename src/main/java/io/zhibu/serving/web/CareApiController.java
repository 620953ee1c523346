package io.zhibu.serving.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhibu.serving.CareService;
import io.zhibu.serving.CareService.Reminder;
import io.zhibu.serving.CareService.Talk;
import io.zhibu.serving.CareService.TalkForm;
import io.zhibu.serving.CareService.TalkRecordForm;
import io.zhibu.serving.CareService.Visit;
import io.zhibu.serving.CareService.VisitForm;
import io.zhibu.serving.VisitPlanService;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.Page;
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

/** 暖心工程 care (issue 21 point 3): 五必谈 talks, visits, reminders — the branch committee and its superiors only. */
@RestController
@RequestMapping("/api/v1/serving/care")
@Tag(name = "serving", description = "双报到, volunteer service and care for members")
public class CareApiController {
    private final CareService care;
    private final VisitPlanService plans;

    public CareApiController(CareService care, VisitPlanService plans) {
        this.care = care;
        this.plans = plans;
    }

    @GetMapping("/elderly")
    @Operation(summary = "Members aged 80 or more of a subtree (from their birth dates): next birthday, visited this year")
    public List<VisitPlanService.Elder> elderly(@RequestParam(required = false) Long orgId) {
        return plans.elderly(CurrentScope.get(), orgId);
    }

    @GetMapping("/plan")
    @Operation(summary = "The yearly visit plan of a subtree (one page), each line done once a visit of its kind is recorded")
    public Page<VisitPlanService.PlanLine> plan(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
                                                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return plans.plan(CurrentScope.get(), orgId, year, page, size);
    }

    @PostMapping("/plan")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Put a member on the plan: why (kind) and the month")
    public VisitPlanService.PlanLine addToPlan(@RequestBody VisitPlanService.PlanForm form) {
        return plans.add(CurrentScope.get(), form);
    }

    /** How many lines were added. */
    public record Added(int added) {
    }

    @PostMapping("/plan/elderly")
    @Operation(summary = "Put every member aged 80+ of a subtree not yet planned on the year's plan, in their birthday month")
    public Added planElderly(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year) {
        return new Added(plans.planElderly(CurrentScope.get(), orgId, year));
    }

    @GetMapping("/talks")
    @Operation(summary = "五必谈 talks of a subtree, one page: owed first, then held")
    public Page<Talk> talks(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer page,
                            @RequestParam(required = false) Integer size) {
        return care.talks(CurrentScope.get(), orgId, page, size);
    }

    @PostMapping("/talks")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a talk the branch owes (kind from the configured list)")
    public Talk add(@RequestBody TalkForm form) {
        return care.addTalk(CurrentScope.get(), form);
    }

    @PostMapping("/talks/{id}/record")
    @Operation(summary = "Record a held talk: date, people, topic, outcome")
    public Talk record(@PathVariable long id, @RequestBody TalkRecordForm form) {
        return care.record(CurrentScope.get(), id, form);
    }

    @GetMapping("/visits")
    @Operation(summary = "Visits (走访慰问) of a subtree, latest first")
    public Page<Visit> visits(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer page,
                              @RequestParam(required = false) Integer size) {
        return care.visits(CurrentScope.get(), orgId, page, size);
    }

    @PostMapping("/visits")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a visit to an elderly, sick, hardship or long-standing member")
    public Visit visit(@RequestBody VisitForm form) {
        return care.addVisit(CurrentScope.get(), form);
    }

    @GetMapping("/reminders")
    @Operation(summary = "The coming week's 光荣在党 50 年 and political birthdays of a branch")
    public List<Reminder> reminders(@RequestParam long orgId) {
        return care.reminders(CurrentScope.get(), orgId);
    }
}
