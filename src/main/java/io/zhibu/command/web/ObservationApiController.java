package io.zhibu.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhibu.command.ObservationService;
import io.zhibu.command.ObservationViews;
import io.zhibu.command.ProjectService;
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

/** 观摩 on-site observation (issue 17 point 5): templates, visit plans, scoring sheets with photos, publishing. */
@RestController
@RequestMapping("/api/v1/observations")
@Tag(name = "observations", description = "On-site observation (观摩, issue 17)")
public class ObservationApiController {
    private final ObservationService observations;

    public ObservationApiController(ObservationService observations) {
        this.observations = observations;
    }

    @GetMapping
    @Operation(summary = "The templates the caller may use and the visits it sees")
    public ObservationViews.Listing list() {
        return observations.list(CurrentScope.get());
    }

    @PostMapping("/templates")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A scoring template of the caller's organization {name, items: [{label, maxPoints}]}")
    public Map<String, Long> template(@RequestBody ObservationViews.NewTemplate body) {
        return Map.of("id", observations.template(CurrentScope.get(), body));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Plan a visit {title, visitOn, observers, templateId, branchIds}")
    public Map<String, Long> plan(@RequestBody ObservationViews.NewObservation body) {
        return Map.of("id", observations.plan(CurrentScope.get(), body));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One visit with the sheets the caller may see")
    public ObservationViews.Observation get(@PathVariable long id) {
        return observations.get(CurrentScope.get(), id);
    }

    @PostMapping("/{id}/sheets/{orgId}")
    @Operation(summary = "The owner scores one visited branch {points: [per item], comment}")
    public ObservationViews.Sheet score(@PathVariable long id, @PathVariable long orgId,
                                        @RequestBody ObservationViews.Scoring body) {
        return observations.score(CurrentScope.get(), id, orgId, body);
    }

    @PostMapping(path = "/{id}/sheets/{orgId}/photo", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "A photo (JPEG/PNG) of one visited branch (multipart 'file')")
    public ObservationViews.Sheet photo(@PathVariable long id, @PathVariable long orgId,
                                        @RequestParam(value = "file", required = false) MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw InvalidInputException.of("file", "validation.required");
        }
        return observations.photo(CurrentScope.get(), id, orgId, file.getOriginalFilename(), file.getBytes());
    }

    @GetMapping("/{id}/sheets/{orgId}/photo")
    @Operation(summary = "The photo of one visited branch's sheet")
    public ResponseEntity<byte[]> photoFile(@PathVariable long id, @PathVariable long orgId) {
        ProjectService.Evidence e = observations.photoContent(CurrentScope.get(), id, orgId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(e.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(e.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff").body(e.bytes());
    }

    @PostMapping("/{id}/publish")
    @Operation(summary = "公布: the branches see their sheets; scored sheets announced for assessment")
    public ObservationViews.Observation publish(@PathVariable long id) {
        return observations.publish(CurrentScope.get(), id);
    }
}
