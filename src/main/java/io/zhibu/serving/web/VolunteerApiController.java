package io.zhibu.serving.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhibu.serving.ServingViews.Activity;
import io.zhibu.serving.ServingViews.ActivityForm;
import io.zhibu.serving.ServingViews.CodeForm;
import io.zhibu.serving.VolunteerService;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.Page;
import io.zhibu.shared.files.StoredFiles;
import java.io.IOException;
import java.util.ArrayList;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;
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

/** 志愿服务 volunteer activities (issue 21 point 2). */
@RestController
@RequestMapping("/api/v1/serving/activities")
@Tag(name = "serving", description = "双报到 and volunteer service")
public class VolunteerApiController {
    private final VolunteerService service;

    public VolunteerApiController(VolunteerService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "Activities a member may join, or those organized in an organization's subtree (one page)")
    public Page<Activity> list(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer page,
                               @RequestParam(required = false) Integer size) {
        return service.list(CurrentScope.get(), orgId, page, size);
    }

    @PostMapping(path = "/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "The organizers add JPEG/PNG photos to an activity (at most 12 in all)")
    public Activity photos(@PathVariable long id, @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
                           @RequestParam(name = "file", required = false) List<MultipartFile> file) throws IOException {
        List<MultipartFile> all = new ArrayList<>();
        if (photos != null) {
            all.addAll(photos);
        }
        if (file != null) {
            all.addAll(file);
        }
        return service.addPhotos(CurrentScope.get(), id, uploads(all));
    }

    @GetMapping("/{id}/photos/{photoId}")
    @Operation(summary = "A photo of an activity the caller may see")
    public ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
        return photo(service.photo(CurrentScope.get(), id, photoId));
    }

    static ResponseEntity<byte[]> photo(StoredFiles.Content c) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(c.contentType()))
                .header("X-Content-Type-Options", "nosniff").body(c.bytes());
    }

    static List<VolunteerService.PhotoUpload> uploads(List<MultipartFile> files) throws IOException {
        List<VolunteerService.PhotoUpload> out = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                if (f != null && !f.isEmpty()) {
                    out.add(new VolunteerService.PhotoUpload(f.getOriginalFilename(), f.getBytes()));
                }
            }
        }
        return out;
    }

    @GetMapping("/{id}")
    @Operation(summary = "An activity (organizers see the check-in code and the participants)")
    public Activity get(@PathVariable long id) {
        return service.get(CurrentScope.get(), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Organize an activity: place, start and end, places")
    public Activity create(@RequestBody ActivityForm form) {
        return service.create(CurrentScope.get(), form);
    }

    @PostMapping("/{id}/signups")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A member signs up while places remain")
    public Activity signUp(@PathVariable long id) {
        return service.signUp(CurrentScope.get(), id);
    }

    @PostMapping("/{id}/checkin")
    @Operation(summary = "A member checks in with the organizer's code")
    public Activity checkIn(@PathVariable long id, @RequestBody(required = false) CodeForm form) {
        return service.check(CurrentScope.get(), id, form == null ? null : form.code(), false);
    }

    @PostMapping("/{id}/checkout")
    @Operation(summary = "A member checks out with the code; the time within the activity is credited (points, hours)")
    public Activity checkOut(@PathVariable long id, @RequestBody(required = false) CodeForm form) {
        return service.check(CurrentScope.get(), id, form == null ? null : form.code(), true);
    }
}
