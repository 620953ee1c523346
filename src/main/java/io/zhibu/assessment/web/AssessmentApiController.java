package io.zhibu.assessment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhibu.assessment.AssessmentService;
import io.zhibu.assessment.AssessmentViews.*;
import io.zhibu.assessment.StandardSystem;
import io.zhibu.shared.CurrentScope;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Branch assessment API (考核评价): standard systems, campaigns, self-check, spot check, results. */
@RestController
@RequestMapping("/api/v1/assessment")
@Tag(name = "assessment", description = "Branch standards and assessment (考核评价), rules.md §8")
public class AssessmentApiController {
    private final AssessmentService service;
    private final AssessmentExport export;

    public AssessmentApiController(AssessmentService service, AssessmentExport export) {
        this.service = service;
        this.export = export;
    }

    @GetMapping("/presets")
    @Operation(summary = "Shipped presets (Jiaozuo 7 aspects, Minhang five-good per domain, Qingshen 6+X, venue tiers)")
    public List<PresetInfo> presets() {
        return service.presets(CurrentScope.get());
    }

    @GetMapping("/presets/{id}")
    @Operation(summary = "One preset's full system, to copy and edit")
    public StandardSystem preset(@PathVariable String id) {
        return service.preset(CurrentScope.get(), id);
    }

    @GetMapping("/facts")
    @Operation(summary = "The platform facts derived items and vetoes may name")
    public Set<String> facts() {
        CurrentScope.get();
        return service.knownFacts();
    }

    @GetMapping("/systems")
    @Operation(summary = "Standard system versions visible to the caller (own subtree and ancestors)")
    public List<SystemSummary> systems(@RequestParam(required = false) Integer year) {
        return service.systems(CurrentScope.get(), year);
    }

    @PostMapping("/systems")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Save a system version (from a preset or a full body); validated: points sum, tiers, facts")
    public SystemView saveSystem(@RequestBody SystemForm form) {
        return service.saveSystem(CurrentScope.get(), form);
    }

    @GetMapping("/systems/{id}")
    public SystemView system(@PathVariable long id) {
        return service.system(CurrentScope.get(), id);
    }

    @GetMapping("/campaigns")
    public List<CampaignView> campaigns() {
        return service.campaigns(CurrentScope.get());
    }

    @PostMapping("/campaigns")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open a campaign for a subtree with a system version; scores every branch from the facts")
    public CampaignView open(@RequestBody CampaignForm form) {
        return service.openCampaign(CurrentScope.get(), form);
    }

    @GetMapping("/campaigns/{id}")
    @Operation(summary = "Campaign with star distribution, pass rate and progress over the caller's subtree")
    public CampaignView campaign(@PathVariable long id) {
        return service.campaign(CurrentScope.get(), id);
    }

    @GetMapping("/campaigns/{id}/results")
    @Operation(summary = "Ranking of the branches the caller sees, with last year's published result")
    public List<ResultRow> ranking(@PathVariable long id) {
        return service.ranking(CurrentScope.get(), id);
    }

    @GetMapping("/campaigns/{id}/results.xlsx")
    public ResponseEntity<byte[]> rankingXlsx(@PathVariable long id) {
        return export.response(service.campaign(CurrentScope.get(), id), service.ranking(CurrentScope.get(), id));
    }

    @PostMapping("/campaigns/{id}/rescore")
    @Operation(summary = "Score the whole campaign again from the current facts (one set-based computation)")
    public CampaignView rescore(@PathVariable long id) {
        return service.rescore(CurrentScope.get(), id);
    }

    @PostMapping("/campaigns/{id}/sample")
    @Operation(summary = "Choose the spot-check sample: ALL or RANDOM size (seed optional); starts the check phase")
    public CampaignView sample(@PathVariable long id, @RequestBody SampleForm form) {
        return service.sample(CurrentScope.get(), id, form);
    }

    @PostMapping("/campaigns/{id}/publish")
    @Operation(summary = "Final scoring (quotas, ranks) and publication to the branches")
    public CampaignView publish(@PathVariable long id) {
        return service.publish(CurrentScope.get(), id);
    }

    @GetMapping("/campaigns/{id}/results/{orgId}")
    @Operation(summary = "One branch's self-explaining result: breakdown with facts and sources, vetoes, tier rule")
    public ResultDetail result(@PathVariable long id, @PathVariable long orgId) {
        return service.result(CurrentScope.get(), id, orgId);
    }

    @PostMapping("/campaigns/{id}/results/{orgId}/self-check")
    @Operation(summary = "Self-check: judged item scores, notes, comment, submit")
    public ResultDetail selfCheck(@PathVariable long id, @PathVariable long orgId, @RequestBody SelfCheckForm form) {
        return service.selfCheck(CurrentScope.get(), id, orgId, form);
    }

    @PostMapping("/campaigns/{id}/results/{orgId}/spot-check")
    @Operation(summary = "Spot check by the superior: adjusted scores (reason mandatory), judged vetoes, rectification")
    public ResultDetail spotCheck(@PathVariable long id, @PathVariable long orgId, @RequestBody SpotCheckForm form) {
        return service.spotCheck(CurrentScope.get(), id, orgId, form);
    }

    @PostMapping(path = "/campaigns/{id}/results/{orgId}/evidence", consumes = "multipart/form-data")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Attach an evidence file (photo, document; ≤5 MB) to the branch's self-check")
    public Evidence evidence(@PathVariable long id, @PathVariable long orgId,
                             @RequestParam(required = false) String itemCode,
                             @RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
        return service.addEvidence(CurrentScope.get(), id, orgId, itemCode, file == null ? null : file.getOriginalFilename(),
                file == null ? null : file.getContentType(), file == null ? null : file.getBytes());
    }

    @GetMapping("/evidence/{evidenceId}")
    public ResponseEntity<byte[]> evidenceFile(@PathVariable long evidenceId) {
        return AssessmentExport.file(service.evidenceFile(CurrentScope.get(), evidenceId));
    }
}
