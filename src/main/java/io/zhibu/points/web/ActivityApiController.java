package io.zhibu.points.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhibu.points.ActivityService;
import io.zhibu.points.PointsViews;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.Page;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Branch activity feed API (支部活动): post with photos, read, like once, share by a public link. */
@RestController
@RequestMapping("/api/v1/points/activities")
@Tag(name = "points", description = "Member points (党员积分), stars (积分定星) and rankings, rules.md §8.4")
public class ActivityApiController {
    private final ActivityService activities;

    public ActivityApiController(ActivityService activities) {
        this.activities = activities;
    }

    static List<PointsViews.PhotoUpload> uploads(List<MultipartFile> photos) throws IOException {
        List<PointsViews.PhotoUpload> out = new ArrayList<>();
        if (photos != null) {
            for (MultipartFile f : photos) {
                out.add(new PointsViews.PhotoUpload(f.getOriginalFilename(), f.getBytes()));
            }
        }
        return out;
    }

    static ResponseEntity<byte[]> photo(ActivityService.PhotoContent c) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(c.contentType()))
                .header("X-Content-Type-Options", "nosniff").body(c.bytes());
    }

    @GetMapping
    @Operation(summary = "The feed of a subtree (default: the caller's scope), newest first")
    public Page<PointsViews.Activity> feed(@RequestParam(required = false) Long orgId,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return activities.feed(CurrentScope.get(), orgId, page, size);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Post an activity (branch): title, text, optional meeting, up to 9 JPEG/PNG photos")
    public PointsViews.Activity post(@RequestParam(required = false) Long orgId, @RequestParam(required = false) String title,
            @RequestParam(required = false) String body, @RequestParam(required = false) Long meetingId,
            @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
            @RequestParam(name = "file", required = false) List<MultipartFile> file) throws IOException {
        List<MultipartFile> all = new ArrayList<>();
        if (photos != null) {
            all.addAll(photos);
        }
        if (file != null) {
            all.addAll(file);
        }
        return activities.post(CurrentScope.get(), new PointsViews.ActivityForm(orgId, title, body, meetingId), uploads(all));
    }

    @GetMapping("/{id}")
    public PointsViews.Activity get(@PathVariable long id) {
        return activities.get(CurrentScope.get(), id);
    }

    @PostMapping("/{id}/like")
    @Operation(summary = "A member likes the activity (once; again changes nothing)")
    public PointsViews.Activity like(@PathVariable long id) {
        return activities.like(CurrentScope.get(), id);
    }

    @PostMapping("/{id}/share")
    @Operation(summary = "The public read-only link of the activity (no personal data)")
    public Map<String, String> share(@PathVariable long id) {
        String token = activities.share(CurrentScope.get(), id);
        return Map.of("token", token, "path", "/public/activities/" + token);
    }

    @GetMapping("/{id}/photos/{photoId}")
    public ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
        return photo(activities.photo(CurrentScope.get(), id, photoId));
    }
}
