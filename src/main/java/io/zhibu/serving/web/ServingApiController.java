package io.zhibu.serving.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhibu.serving.ReportStateMachine.Action;
import io.zhibu.serving.ServingService;
import io.zhibu.serving.ServingViews.Board;
import io.zhibu.serving.ServingViews.Community;
import io.zhibu.serving.ServingViews.DeclineForm;
import io.zhibu.serving.ServingViews.Need;
import io.zhibu.serving.ServingViews.NeedForm;
import io.zhibu.serving.ServingViews.Rate;
import io.zhibu.serving.ServingViews.RecordForm;
import io.zhibu.serving.ServingViews.Report;
import io.zhibu.serving.ServingViews.ReportForm;
import io.zhibu.serving.ServingViews.Signup;
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

/** 双报到 (issue 21 point 1): reports, community needs, sign-ups, recorded services, yearly rates. */
@RestController
@RequestMapping("/api/v1/serving")
@Tag(name = "serving", description = "双报到: in-service members report to their community and serve its needs")
public class ServingApiController {
    private final ServingService service;

    public ServingApiController(ServingService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "A year of reports, needs and sign-ups: a member's own, or those of an organization's subtree (unit or community)")
    public Board board(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
                       @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return service.board(CurrentScope.get(), orgId, year, page, size);
    }

    @GetMapping("/communities")
    @Operation(summary = "Community branches of the caller's region a member may report to")
    public List<Community> communities() {
        return service.communities(CurrentScope.get());
    }

    @PostMapping("/reports")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "File a report (the member, or the unit for a member of its branch)")
    public Report file(@RequestBody ReportForm form) {
        return service.file(CurrentScope.get(), form);
    }

    @GetMapping("/reports/{id}")
    @Operation(summary = "A report with the time served")
    public Report report(@PathVariable long id) {
        return service.getReport(CurrentScope.get(), id);
    }

    @PostMapping("/reports/{id}/confirm")
    @Operation(summary = "The community confirms a report")
    public Report confirm(@PathVariable long id) {
        return service.decide(CurrentScope.get(), id, Action.CONFIRM, null);
    }

    @PostMapping("/reports/{id}/decline")
    @Operation(summary = "The community declines a report, with a reason")
    public Report decline(@PathVariable long id, @RequestBody(required = false) DeclineForm form) {
        return service.decide(CurrentScope.get(), id, Action.DECLINE, form == null ? null : form.reason());
    }

    @PostMapping("/reports/{id}/withdraw")
    @Operation(summary = "The member or the unit withdraws a report still awaiting the community")
    public Report withdraw(@PathVariable long id) {
        return service.decide(CurrentScope.get(), id, Action.WITHDRAW, null);
    }

    @PostMapping("/needs")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The community publishes a service need or a small wish (微心愿)")
    public Need createNeed(@RequestBody NeedForm form) {
        return service.createNeed(CurrentScope.get(), form);
    }

    @PostMapping("/needs/{id}/close")
    @Operation(summary = "The community closes a need")
    public Need close(@PathVariable long id) {
        return service.closeNeed(CurrentScope.get(), id);
    }

    @PostMapping("/needs/{id}/signups")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A member confirmed by the community signs up for a need")
    public Signup signUp(@PathVariable long id) {
        return service.signUp(CurrentScope.get(), id);
    }

    @PostMapping("/signups/{id}/record")
    @Operation(summary = "The community records the service: date, minutes, feedback; posts the member's points")
    public Signup record(@PathVariable long id, @RequestBody RecordForm form) {
        return service.record(CurrentScope.get(), id, form);
    }

    @GetMapping("/rates")
    @Operation(summary = "The year's report rate per in-service branch and members received per community, with time served")
    public List<Rate> rates(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year) {
        return service.rates(CurrentScope.get(), orgId, year);
    }
}
