package io.zhibu.assessment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhibu.assessment.SurveyService;
import io.zhibu.assessment.SurveyService.AnswerForm;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The anonymous answer as JSON, without login (a kiosk or mini-program passing its own respondent token). */
@RestController
@Tag(name = "assessment", description = "Branch standards and assessment (考核评价), rules.md §8")
public class SurveyPublicApiController {
    private final SurveyService surveys;

    public SurveyPublicApiController(SurveyService surveys) {
        this.surveys = surveys;
    }

    @PostMapping(path = "/survey/{token}/answers", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "One anonymous survey answer (no login); the same respondent token again → 409")
    public Map<String, Object> answer(@PathVariable String token, @RequestBody AnswerForm form) {
        surveys.answer(token, form);
        return Map.of("recorded", true);
    }
}
