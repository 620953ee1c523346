package io.zhibu.points.web;

import io.zhibu.points.ActivityService;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The public page behind a share link: read-only, no sign-in, only the branch's name (see {@link PublicShareSecurity}). */
@Controller
@RequestMapping("/public/activities")
public class PublicActivityController {
    private final ActivityService activities;

    public PublicActivityController(ActivityService activities) {
        this.activities = activities;
    }

    @GetMapping("/{token}")
    public String page(@PathVariable String token, Model model) {
        model.addAttribute("a", activities.shared(token));
        model.addAttribute("token", token);
        return "points/shared";
    }

    @GetMapping("/{token}/photos/{photoId}")
    @ResponseBody
    public ResponseEntity<byte[]> photo(@PathVariable String token, @PathVariable long photoId) {
        return ActivityApiController.photo(activities.sharedPhoto(token, photoId));
    }
}
