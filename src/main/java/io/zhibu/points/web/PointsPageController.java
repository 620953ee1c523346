package io.zhibu.points.web;

import io.zhibu.points.ActivityService;
import io.zhibu.points.PointItem;
import io.zhibu.points.PointsService;
import io.zhibu.points.PointsViews;
import io.zhibu.points.internal.PointsRepository.Metric;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.Role;
import io.zhibu.shared.web.Messages;
import io.zhibu.shared.web.PageActions;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Points pages: "my points" in one tap (phone), the branch roster with stars, rankings, the activity feed. */
@Controller
@RequestMapping("/points")
public class PointsPageController {
    private final PointsService points;
    private final ActivityService activities;
    private final Messages messages;
    private final PageActions actions;

    public PointsPageController(PointsService points, ActivityService activities, Messages messages, PageActions actions) {
        this.points = points;
        this.activities = activities;
        this.messages = messages;
        this.actions = actions;
    }

    /** Members land on their own points, branch secretaries on their branch, superiors on the rankings. */
    @GetMapping
    public String home() {
        DataScope scope = CurrentScope.get();
        if (scope.role() == Role.MEMBER && scope.selfMemberId() != null) {
            return "redirect:/points/members/" + scope.selfMemberId();
        }
        if (scope.role() == Role.BRANCH_SECRETARY && scope.scopeOrgId() != null) {
            return "redirect:/points/branch?orgId=" + scope.scopeOrgId();
        }
        return "redirect:/points/rankings";
    }

    /** Where a ledger line's fact lives (the "how it was earned" link). */
    public static String linkOf(PointsViews.Entry e) {
        if (e.linkType() == null || e.linkId() == null) {
            return null;
        }
        return switch (e.linkType()) {
            case "meeting" -> "/meetings/" + e.linkId();
            case "dues-payment" -> "/dues/payments/" + e.linkId();
            case "material" -> "/learning/materials/" + e.linkId();
            case "quiz" -> "/learning/quiz";
            case "test" -> "/learning/papers/" + e.linkId();
            default -> null;
        };
    }

    @GetMapping("/members/{memberId}")
    public String member(@PathVariable long memberId, @RequestParam(required = false) Integer year, Model model) {
        DataScope scope = CurrentScope.get();
        PointsViews.MemberPoints mp = points.member(scope, memberId, year);
        model.addAttribute("p", mp);
        model.addAttribute("canWrite", PointsService.canWrite(scope));
        model.addAttribute("manualItems", Arrays.stream(PointItem.values()).filter(i -> !i.automatic()).toList());
        model.addAttribute("rules", points.rules());
        model.addAttribute("entryKey", UUID.randomUUID().toString());
        model.addAttribute("today", LocalDate.now());
        return "points/member";
    }

    @PostMapping("/members/{memberId}/entries")
    public String enter(@PathVariable long memberId, @RequestParam(required = false) PointItem item,
                        @RequestParam(required = false) Integer points, @RequestParam(required = false) LocalDate date,
                        @RequestParam(required = false) String reason, @RequestParam(required = false) String idempotencyKey,
                        RedirectAttributes flash) {
        return act(flash, "/points/members/" + memberId, () -> {
            PointsViews.Entry e = this.points.enter(CurrentScope.get(), memberId,
                    new PointsViews.ManualForm(item, points, date, reason, idempotencyKey));
            flash.addFlashAttribute("notice", messages.get("points.entered", e.points()));
            return "redirect:/points/members/" + memberId;
        });
    }

    @PostMapping("/entries/{entryId}/reverse")
    public String reverse(@PathVariable long entryId, @RequestParam(required = false) String reason,
                          @RequestParam(required = false) Long memberId, RedirectAttributes flash) {
        String back = memberId == null ? "/points" : "/points/members/" + memberId;
        return act(flash, back, () -> {
            PointsViews.Entry e = points.reverse(CurrentScope.get(), entryId, new PointsViews.ReverseForm(reason));
            flash.addFlashAttribute("notice", messages.get("points.reversed"));
            return "redirect:/points/members/" + e.memberId();
        });
    }

    @GetMapping("/branch")
    public String branch(@RequestParam long orgId, @RequestParam(required = false) Integer year, Model model) {
        DataScope scope = CurrentScope.get();
        int y = year == null ? points.currentYear() : year;
        model.addAttribute("roster", points.roster(scope, orgId, y));
        model.addAttribute("orgId", orgId);
        model.addAttribute("year", y);
        return "points/branch";
    }

    @GetMapping("/rankings")
    public String rankings(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
                           @RequestParam(required = false) Metric by, @RequestParam(required = false) String kind,
                           @RequestParam(required = false) Integer page, Model model) {
        DataScope scope = CurrentScope.get();
        boolean branches = "branches".equals(kind);
        model.addAttribute("kind", branches ? "branches" : "members");
        model.addAttribute("by", by == null ? Metric.POINTS : by);
        model.addAttribute("metrics", Metric.values());
        model.addAttribute("orgId", orgId);
        model.addAttribute("year", year == null ? points.currentYear() : year);
        if (branches) {
            model.addAttribute("result", points.branchRanking(scope, orgId, year, by, page, 20));
        } else {
            model.addAttribute("result", points.memberRanking(scope, orgId, year, by, page, 20));
        }
        StringBuilder base = new StringBuilder("/points/rankings?kind=" + (branches ? "branches" : "members"));
        if (orgId != null) {
            base.append("&orgId=").append(orgId);
        }
        if (by != null) {
            base.append("&by=").append(by);
        }
        model.addAttribute("base", base.toString());
        return "points/rankings";
    }

    // --- activity feed

    @GetMapping("/activities")
    public String feed(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer page, Model model) {
        DataScope scope = CurrentScope.get();
        model.addAttribute("result", activities.feed(scope, orgId, page, 10));
        model.addAttribute("canWrite", PointsService.canWrite(scope));
        model.addAttribute("isMember", scope.selfOnly());
        model.addAttribute("orgId", orgId == null ? scope.scopeOrgId() : orgId);
        model.addAttribute("base", "/points/activities" + (orgId == null ? "" : "?orgId=" + orgId));
        return "points/activities";
    }

    @PostMapping("/activities")
    public String post(@RequestParam(required = false) Long orgId, @RequestParam(required = false) String title,
                       @RequestParam(required = false) String body, @RequestParam(required = false) Long meetingId,
                       @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
                       RedirectAttributes flash) {
        return act(flash, "/points/activities", () -> {
            try {
                activities.post(CurrentScope.get(), new PointsViews.ActivityForm(orgId, title, body, meetingId),
                        ActivityApiController.uploads(photos));
            } catch (IOException e) {
                throw InvalidInputException.of("photos", "points.photo.badType", "");
            }
            flash.addFlashAttribute("notice", messages.get("points.activity.posted"));
            return "redirect:/points/activities";
        });
    }

    @PostMapping("/activities/{id}/like")
    public String like(@PathVariable long id, RedirectAttributes flash) {
        return act(flash, "/points/activities", () -> {
            activities.like(CurrentScope.get(), id);
            return "redirect:/points/activities#activity-" + id;
        });
    }

    @PostMapping("/activities/{id}/share")
    public String share(@PathVariable long id, RedirectAttributes flash) {
        String token = activities.share(CurrentScope.get(), id);
        flash.addFlashAttribute("sharePath", "/public/activities/" + token);
        flash.addFlashAttribute("sharedId", id);
        return "redirect:/points/activities#activity-" + id;
    }

    @GetMapping("/activities/{id}/photos/{photoId}")
    @ResponseBody
    public ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
        return ActivityApiController.photo(activities.photo(CurrentScope.get(), id, photoId));
    }

    private String act(RedirectAttributes flash, String back, Supplier<String> action) {
        return actions.run(flash, back, action);
    }
}
