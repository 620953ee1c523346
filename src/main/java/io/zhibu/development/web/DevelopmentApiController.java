package io.zhibu.development.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhibu.development.DevState;
import io.zhibu.development.DevStep;
import io.zhibu.development.DevelopmentModel.AmendForm;
import io.zhibu.development.DevelopmentModel.ApplicantForm;
import io.zhibu.development.DevelopmentModel.CloseForm;
import io.zhibu.development.DevelopmentModel.Deadline;
import io.zhibu.development.DevelopmentModel.PersonDetail;
import io.zhibu.development.DevelopmentModel.PersonSummary;
import io.zhibu.development.DevelopmentModel.Pipeline;
import io.zhibu.development.DevelopmentModel.PlanForm;
import io.zhibu.development.DevelopmentModel.StepForm;
import io.zhibu.development.DevelopmentService;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.Page;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Member development API (发展党员): the 25-step pipeline, gate by gate; limited to the caller's subtree. */
@RestController
@RequestMapping("/api/v1/development")
@Tag(name = "development", description = "Member development (发展党员), rules.md §2")
public class DevelopmentApiController {
    private final DevelopmentService service;

    public DevelopmentApiController(DevelopmentService service) {
        this.service = service;
    }

    /** One row of the step definition table. */
    public record StepDefinition(int no, int stage, String code, String actor, List<DevStep.Input> inputs,
                                 int dueBasis, int dueMonths, boolean repeatable) {
    }

    @GetMapping("/steps")
    @Operation(summary = "The 25-step definition table (stage, actor, required inputs, time rule)")
    public List<StepDefinition> steps() {
        return Arrays.stream(DevStep.values()).map(s -> new StepDefinition(s.no(), s.stage(), s.name(), s.actor(),
                List.copyOf(s.inputs()), s.dueBasis(), s.dueMonths(), s.repeatable())).toList();
    }

    @GetMapping("/persons")
    @Operation(summary = "People in development in the caller's subtree (orgId = a subtree, state = a stage)")
    public Page<PersonSummary> search(@RequestParam(required = false) Long orgId,
                                      @RequestParam(required = false) DevState state,
                                      @RequestParam(required = false) Integer page,
                                      @RequestParam(required = false) Integer size) {
        return service.search(CurrentScope.get(), orgId, state, page, size);
    }

    @PostMapping("/persons")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register an applicant (step 1, R2.1: ≥18 on the application date)")
    public PersonDetail register(@RequestBody ApplicantForm form) {
        return service.register(CurrentScope.get(), form);
    }

    @GetMapping("/persons/{id}")
    @Operation(summary = "A person's file: steps, next step and what it needs, deadlines, checklist, change log")
    public PersonDetail get(@PathVariable long id) {
        return service.detail(CurrentScope.get(), id);
    }

    @PostMapping("/persons/{id}/steps/{stepNo}")
    @Operation(summary = "Complete a step (or record another review for steps 6/21); send the person's version")
    public PersonDetail complete(@PathVariable long id, @PathVariable int stepNo, @RequestBody StepForm form) {
        return service.complete(CurrentScope.get(), id, stepNo, form);
    }

    @PostMapping("/persons/{id}/amendments")
    @Operation(summary = "Correct a recorded step date (logged amendment with a reason)")
    public PersonDetail amend(@PathVariable long id, @RequestBody AmendForm form) {
        return service.amend(CurrentScope.get(), id, form);
    }

    @PostMapping("/persons/{id}/terminate")
    @Operation(summary = "终止培养: end development before admission, with a reason")
    public PersonDetail terminate(@PathVariable long id, @RequestBody CloseForm form) {
        return service.terminate(CurrentScope.get(), id, form);
    }

    @GetMapping("/todo")
    @Operation(summary = "The to-do list: deadlines due soon and overdue")
    public List<Deadline> todo(@RequestParam(required = false) Long orgId) {
        return service.todo(CurrentScope.get(), orgId);
    }

    @GetMapping("/pipeline")
    @Operation(summary = "Pipeline of a branch or subtree: counts per stage, stuck and overdue, plan vs actual")
    public Pipeline pipeline(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year) {
        return service.pipeline(CurrentScope.get(), orgId, year);
    }

    @PutMapping("/plans")
    @Operation(summary = "Set a branch's development plan (number to admit) for a year")
    public void plan(@RequestBody PlanForm form) {
        service.savePlan(CurrentScope.get(), form);
    }
}
