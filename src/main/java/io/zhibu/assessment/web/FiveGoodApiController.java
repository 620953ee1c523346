package io.zhibu.assessment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhibu.assessment.FiveGoodService;
import io.zhibu.assessment.FiveGoodService.ApplyForm;
import io.zhibu.assessment.FiveGoodService.CheckForm;
import io.zhibu.assessment.FiveGoodService.CheckView;
import io.zhibu.assessment.FiveGoodService.Eligibility;
import io.zhibu.assessment.FiveGoodService.FiveGoodView;
import io.zhibu.assessment.FiveGoodService.ReviewForm;
import io.zhibu.assessment.FiveGoodService.TitleView;
import io.zhibu.assessment.FiveGoodStatus;
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

/** 闵行“五好”创建 API: 申报 → 审核 (the four high-voltage lines bar it) → 命名, the register of titles, 中期检查. */
@RestController
@RequestMapping("/api/v1/assessment/five-good")
@Tag(name = "assessment")
public class FiveGoodApiController {
    private final FiveGoodService service;

    public FiveGoodApiController(FiveGoodService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "五好 applications in the caller's subtree (optionally of one year and status)")
    public List<FiveGoodView> list(@RequestParam(required = false) Integer year,
                                   @RequestParam(required = false) FiveGoodStatus status) {
        return service.list(CurrentScope.get(), year, status);
    }

    @GetMapping("/titles")
    @Operation(summary = "The register of 五好 titles won per year (AWARDED applications) in the caller's subtree")
    public List<TitleView> titles(@RequestParam(required = false) Integer year) {
        return service.titles(CurrentScope.get(), year);
    }

    @GetMapping("/eligibility")
    @Operation(summary = "The standard that applies to the organization and its high-voltage lines for the year, from the current facts")
    public Eligibility eligibility(@RequestParam long orgId, @RequestParam int year) {
        return service.eligibility(CurrentScope.get(), orgId, year);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One application with its lines (from the current facts) and its mid-term checks")
    public FiveGoodView get(@PathVariable long id) {
        return service.get(CurrentScope.get(), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "申报: the branch applies for the year (409 naming the lines when a high-voltage line is hit)")
    public FiveGoodView apply(@RequestBody(required = false) ApplyForm form) {
        return service.apply(CurrentScope.get(), form);
    }

    @PostMapping("/{id}/review")
    @Operation(summary = "审核 by the superior: PASS (409 naming the lines when one is hit) or REJECT (note required); lines = judged lines found hit")
    public FiveGoodView review(@PathVariable long id, @RequestBody(required = false) ReviewForm form) {
        return service.review(CurrentScope.get(), id, form);
    }

    @PostMapping("/{id}/award")
    @Operation(summary = "命名: the superior awards the title to a passed application")
    public FiveGoodView award(@PathVariable long id) {
        return service.award(CurrentScope.get(), id);
    }

    @PostMapping("/{id}/checks")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "中期检查: the superior records a check (date, checker, findings)")
    public CheckView addCheck(@PathVariable long id, @RequestBody(required = false) CheckForm form) {
        return service.addCheck(CurrentScope.get(), id, form);
    }
}
