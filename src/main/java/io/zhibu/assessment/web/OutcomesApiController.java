package io.zhibu.assessment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhibu.assessment.AssessmentOutcomes;
import io.zhibu.assessment.AssessmentOutcomes.DesignateForm;
import io.zhibu.assessment.AssessmentOutcomes.Outcomes;
import io.zhibu.assessment.WeakLaxService;
import io.zhibu.shared.CurrentScope;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 考评结果运用 API: the year's published stars as 评先评优 candidates and next year's 软弱涣散 candidates. */
@RestController
@RequestMapping("/api/v1/assessment/outcomes")
@Tag(name = "assessment")
public class OutcomesApiController {
    private final AssessmentOutcomes outcomes;

    public OutcomesApiController(AssessmentOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @GetMapping
    @Operation(summary = "评先评优 candidates (top tier, no veto) and next year's 软弱涣散 candidates (no star) of a year's published results")
    public Outcomes get(@RequestParam int year) {
        return outcomes.outcomes(CurrentScope.get(), year);
    }

    @PostMapping("/weak-lax")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The superior designates a no-star branch of the year for 集中整顿 the next year (a 软弱涣散 designation)")
    public WeakLaxService.Detail designate(@RequestBody(required = false) DesignateForm form) {
        return outcomes.designateNextYear(CurrentScope.get(), form);
    }
}
