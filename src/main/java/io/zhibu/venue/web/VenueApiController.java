package io.zhibu.venue.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhibu.shared.CurrentScope;
import io.zhibu.venue.VenueService;
import io.zhibu.venue.VenueViews.Detail;
import io.zhibu.venue.VenueViews.InspectionForm;
import io.zhibu.venue.VenueViews.TierCounts;
import io.zhibu.venue.VenueViews.Venue;
import io.zhibu.venue.VenueViews.VenueForm;
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

/** 阵地 venue register (issue 18 point 2). */
@RestController
@RequestMapping("/api/v1/venues")
@Tag(name = "venue", description = "Venue register (阵地): venues, inspections, tiers")
public class VenueApiController {
    private final VenueService service;

    public VenueApiController(VenueService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "Venues of an organization's subtree (the caller's scope when orgId is omitted)")
    public List<Venue> list(@RequestParam(required = false) Long orgId) {
        return service.list(CurrentScope.get(), orgId);
    }

    @GetMapping("/tiers")
    @Operation(summary = "Venue counts by tier of a subtree (dashboard)")
    public TierCounts tiers(@RequestParam(required = false) Long orgId) {
        return service.counts(CurrentScope.get(), orgId);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A venue with its inspections (latest first)")
    public Detail get(@PathVariable long id) {
        return service.get(CurrentScope.get(), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a venue (owner branch's secretary or the organization department)")
    public Venue create(@RequestBody VenueForm form) {
        return service.create(CurrentScope.get(), form);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Edit a venue (version required)")
    public Venue update(@PathVariable long id, @RequestBody VenueForm form) {
        return service.update(CurrentScope.get(), id, form);
    }

    @PostMapping("/{id}/inspections")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an inspection by a superior: five aspects 0–20 each; sets the venue's tier")
    public Detail inspect(@PathVariable long id, @RequestBody InspectionForm form) {
        return service.inspect(CurrentScope.get(), id, form);
    }

    @PostMapping(path = "/{id}/photos", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A photo (JPEG/PNG, multipart 'file') of the venue, or of one of its inspections (inspectionId)")
    public Detail photo(@PathVariable long id, @RequestParam(required = false) Long inspectionId,
                        @RequestParam(value = "file", required = false) org.springframework.web.multipart.MultipartFile file)
            throws java.io.IOException {
        // the venue is looked up (404 outside the scope) before the missing file is named
        return service.addPhoto(CurrentScope.get(), id, inspectionId, file == null ? null : file.getOriginalFilename(),
                file == null || file.isEmpty() ? null : file.getBytes());
    }

    @GetMapping("/{id}/photos/{photoId}")
    @Operation(summary = "The bytes of one photo of the venue or its inspections")
    public org.springframework.http.ResponseEntity<byte[]> photoFile(@PathVariable long id, @PathVariable long photoId) {
        io.zhibu.venue.VenueViews.PhotoContent c = service.photo(CurrentScope.get(), id, photoId);
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(c.contentType()))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
                        .inline().filename(c.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff").body(c.bytes());
    }
}
