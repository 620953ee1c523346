package io.zhibu.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhibu.command.ProjectService;
import io.zhibu.command.ProjectViews;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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

/** 项目书 the project book (issue 17 points 6 and 8): catalogue, claims and plans, quarterly reports, evaluation. */
@RestController
@RequestMapping("/api/v1/projects")
@Tag(name = "projects", description = "The project book (项目书, issue 17)")
public class ProjectApiController {
    private final ProjectService projects;

    public ProjectApiController(ProjectService projects) {
        this.projects = projects;
    }

    @GetMapping
    @Operation(summary = "The year's catalogue the caller sees (with figures in its scope), its own projects and the dispatch records")
    public ProjectViews.Book book(@RequestParam(required = false) Integer year) {
        return projects.book(CurrentScope.get(), year);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a project to the caller's catalogue {year, code, kind: KEY|BASIC|INNOVATION, title, goal, standard, measures, department, appliesTo (BASIC: org type), targets (KEY)}")
    public Map<String, Long> create(@RequestBody ProjectViews.NewProject body) {
        return Map.of("id", projects.create(CurrentScope.get(), body));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One project's board: the organizations carrying it inside the caller's scope")
    public ProjectViews.Board board(@PathVariable long id) {
        return projects.board(CurrentScope.get(), id);
    }

    @PostMapping("/{id}/plan")
    @Operation(summary = "认领 / 推进计划 of the caller's organization {leader, measures, milestones, deadline}")
    public ProjectViews.Participation plan(@PathVariable long id, @RequestBody ProjectViews.Plan body) {
        return projects.plan(CurrentScope.get(), id, body);
    }

    @PostMapping("/{id}/withdraw")
    @Operation(summary = "撤回认领: give up an innovation claim without reports")
    public ProjectViews.Participation withdraw(@PathVariable long id) {
        return projects.withdraw(CurrentScope.get(), id);
    }

    @PostMapping("/{id}/reports")
    @Operation(summary = "季度进展 of the caller's organization {quarter: 1-4, progress, done}")
    public ProjectViews.Participation report(@PathVariable long id, @RequestBody ProjectViews.Progress body) {
        return projects.report(CurrentScope.get(), id, body);
    }

    @PostMapping(path = "/{id}/reports/{quarter}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Evidence (photo, PDF, office file) of the caller's organization's report of one quarter (multipart 'file')")
    public ProjectViews.Participation evidence(@PathVariable long id, @PathVariable int quarter,
                                               @RequestParam(value = "file", required = false) MultipartFile file)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw InvalidInputException.of("file", "validation.required");
        }
        return projects.evidence(CurrentScope.get(), id, quarter, file.getOriginalFilename(), file.getBytes());
    }

    @GetMapping("/{id}/orgs/{orgId}/reports/{quarter}/evidence")
    @Operation(summary = "The evidence file of one organization's report of one quarter")
    public ResponseEntity<byte[]> evidenceFile(@PathVariable long id, @PathVariable long orgId, @PathVariable int quarter) {
        ProjectService.Evidence e = projects.evidenceContent(CurrentScope.get(), id, orgId, quarter);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(e.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(e.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(e.bytes());
    }

    @PostMapping("/{id}/orgs/{orgId}/evaluation")
    @Operation(summary = "年终评价 by the project's owner {score: 0-100, comment}")
    public ProjectViews.Participation evaluate(@PathVariable long id, @PathVariable long orgId,
                                               @RequestBody ProjectViews.Evaluation body) {
        return projects.evaluate(CurrentScope.get(), id, orgId, body);
    }

    @GetMapping("/orgs/{orgId}")
    @Operation(summary = "One organization's projects of a year: states, completed, total score")
    public ProjectViews.OrgBoard orgBoard(@PathVariable long orgId, @RequestParam(required = false) Integer year) {
        return projects.orgBoard(CurrentScope.get(), orgId, year);
    }

    @PostMapping("/dispatches")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "半年调度: record a dispatch meeting of the caller's catalogue {year, heldOn, notes}")
    public ProjectViews.Dispatch dispatch(@RequestBody ProjectViews.NewDispatch body) {
        return projects.dispatch(CurrentScope.get(), body);
    }
}
