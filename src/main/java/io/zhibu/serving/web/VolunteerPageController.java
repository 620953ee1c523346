package io.zhibu.serving.web;

import io.zhibu.org.OrgService;
import io.zhibu.org.OrgType;
import io.zhibu.serving.ServingViews.ActivityForm;
import io.zhibu.serving.VolunteerService;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.Role;
import io.zhibu.shared.web.Messages;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 志愿服务 pages: the activities (organize one; a member signs up), an activity (code for organizers, check-in/out). */
@Controller
@RequestMapping("/serving/activities")
public class VolunteerPageController {
    private final VolunteerService volunteers;
    private final OrgService orgs;
    private final Messages messages;
    private final Clock clock;

    public VolunteerPageController(VolunteerService volunteers, OrgService orgs, Messages messages, Clock clock) {
        this.volunteers = volunteers;
        this.orgs = orgs;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    public String list(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer page, Model model) {
        DataScope scope = CurrentScope.get();
        var result = volunteers.list(scope, orgId, page, 25);
        model.addAttribute("list", result.items());
        model.addAttribute("result", result);
        model.addAttribute("pageBase", orgId == null ? "/serving/activities" : "/serving/activities?orgId=" + orgId);
        boolean organizer = !scope.selfOnly() && (scope.canManageOrgs() || scope.role() == Role.BRANCH_SECRETARY)
                && scope.scopeOrgId() != null;
        model.addAttribute("owners", !organizer ? List.of() : scope.role() == Role.BRANCH_SECRETARY
                ? List.of(orgs.get(scope, scope.scopeOrgId()))
                : orgs.activeIn(scope, scope.scopeOrgId(), Arrays.stream(OrgType.values()).filter(t -> t != OrgType.PARTY_GROUP).toList()));
        model.addAttribute("member", scope.selfOnly());
        return "serving/activities";
    }

    @GetMapping("/{id}")
    public String detail(@PathVariable long id, Model model) {
        model.addAttribute("a", volunteers.get(CurrentScope.get(), id));
        model.addAttribute("member", CurrentScope.get().selfOnly());
        return "serving/activity";
    }

    @PostMapping
    public String create(@RequestParam(required = false) Long orgId, @RequestParam(required = false) String title,
                         @RequestParam(required = false) String place, @RequestParam(required = false) String description,
                         @RequestParam(required = false) String startsAt, @RequestParam(required = false) String endsAt,
                         @RequestParam(required = false) Integer places, RedirectAttributes flash) {
        try {
            var a = volunteers.create(CurrentScope.get(), new ActivityForm(orgId, title, description, place,
                    time(startsAt, "startsAt"), time(endsAt, "endsAt"), places));
            flash.addFlashAttribute("notice", messages.get("serving.activity.saved"));
            return "redirect:/serving/activities/" + a.id();
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("actionErrors", List.copyOf(messages.fieldErrors(e.violations()).values()));
        }
        return "redirect:/serving/activities";
    }

    @PostMapping("/{id}/photos")
    public String photos(@PathVariable long id, @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
                         RedirectAttributes flash) throws java.io.IOException {
        var uploads = VolunteerApiController.uploads(photos);
        return act(id, flash, () -> volunteers.addPhotos(CurrentScope.get(), id, uploads), "serving.photo.added");
    }

    @GetMapping("/{id}/photos/{photoId}")
    @ResponseBody
    public ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
        return VolunteerApiController.photo(volunteers.photo(CurrentScope.get(), id, photoId));
    }

    @PostMapping("/{id}/signups")
    public String signUp(@PathVariable long id, RedirectAttributes flash) {
        return act(id, flash, () -> volunteers.signUp(CurrentScope.get(), id), "serving.signup.done");
    }

    @PostMapping("/{id}/checkin")
    public String checkIn(@PathVariable long id, @RequestParam(required = false) String code, RedirectAttributes flash) {
        return act(id, flash, () -> volunteers.check(CurrentScope.get(), id, code, false), "serving.activity.checkedIn");
    }

    @PostMapping("/{id}/checkout")
    public String checkOut(@PathVariable long id, @RequestParam(required = false) String code, RedirectAttributes flash) {
        return act(id, flash, () -> volunteers.check(CurrentScope.get(), id, code, true), "serving.activity.checkedOut");
    }

    private String act(long id, RedirectAttributes flash, Runnable action, String notice) {
        try {
            action.run();
            flash.addFlashAttribute("notice", messages.get(notice));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("actionErrors", List.copyOf(messages.fieldErrors(e.violations()).values()));
        } catch (ConflictException e) {
            flash.addFlashAttribute("actionErrors", List.of(messages.get(e.code(), e.args())));
        }
        return "redirect:/serving/activities/" + id;
    }

    /** A datetime-local field in the configured zone. */
    private OffsetDateTime time(String raw, String field) {
        try {
            return raw == null || raw.isBlank() ? null
                    : LocalDateTime.parse(raw.strip()).atZone(clock.getZone()).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, "serving.date");
        }
    }
}
