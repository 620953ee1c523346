package io.zhibu.meeting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhibu.meeting.FourDeliberations;
import io.zhibu.meeting.FourDeliberations.MatterForm;
import io.zhibu.meeting.FourDeliberations.MatterView;
import io.zhibu.meeting.FourDeliberations.Rates;
import io.zhibu.meeting.FourDeliberations.StepForm;
import io.zhibu.shared.CurrentScope;
import java.time.Clock;
import java.time.LocalDate;
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

/** 四议两公开 API (rules.md §1.5): village matters, their six ordered steps, the 落实率; scoped to the caller's subtree. */
@RestController
@RequestMapping("/api/v1/deliberations")
@Tag(name = "deliberations", description = "四议两公开: village matters with six ordered steps")
public class DeliberationApiController {
    private final FourDeliberations deliberations;
    private final Clock clock;

    public DeliberationApiController(FourDeliberations deliberations, Clock clock) {
        this.deliberations = deliberations;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Matters of the subtree (orgId narrows) started in the year (default this year), and those not started")
    public List<MatterView> list(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year) {
        return deliberations.list(CurrentScope.get(), orgId, year == null ? LocalDate.now(clock).getYear() : year);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open a matter of a village organization (village branch secretary)")
    public MatterView open(@RequestBody MatterForm form) {
        return deliberations.open(CurrentScope.get(), form);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A matter with its recorded steps and the step expected next")
    public MatterView get(@PathVariable long id) {
        return deliberations.get(CurrentScope.get(), id);
    }

    @PostMapping("/{id}/steps")
    @Operation(summary = "Record the next step: step, heldOn, evidence, or meetingId of a fitting meeting of the village")
    public MatterView step(@PathVariable long id, @RequestBody StepForm form) {
        return deliberations.record(CurrentScope.get(), id, form);
    }

    @GetMapping("/rates")
    @Operation(summary = "落实率 of the subtree and of each village: matters completed over matters started in the year")
    public Rates rates(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year) {
        return deliberations.rates(CurrentScope.get(), orgId, year == null ? LocalDate.now(clock).getYear() : year);
    }

    @PostMapping(path = "/{id}/steps/{step}/photos", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A photo (JPEG/PNG, multipart 'file') of a recorded step: the meeting held, the notice posted")
    public MatterView photo(@PathVariable long id, @PathVariable io.zhibu.meeting.DeliberationStep step,
                            @RequestParam(value = "file", required = false) org.springframework.web.multipart.MultipartFile file)
            throws java.io.IOException {
        return deliberations.addPhoto(CurrentScope.get(), id, step, file == null ? null : file.getOriginalFilename(),
                file == null || file.isEmpty() ? null : file.getBytes());
    }

    @GetMapping("/{id}/photos/{photoId}")
    @Operation(summary = "The bytes of one step photo")
    public org.springframework.http.ResponseEntity<byte[]> photoFile(@PathVariable long id, @PathVariable long photoId) {
        FourDeliberations.PhotoContent c = deliberations.photo(CurrentScope.get(), id, photoId);
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(c.contentType()))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
                        .inline().filename(c.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff").body(c.bytes());
    }
}
