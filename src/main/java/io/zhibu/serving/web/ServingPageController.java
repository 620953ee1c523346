package io.zhibu.serving.web;

import io.zhibu.org.OrgService;
import io.zhibu.org.OrgType;
import io.zhibu.org.Organization;
import io.zhibu.serving.NeedKind;
import io.zhibu.serving.ReportStateMachine.Action;
import io.zhibu.serving.ReportStatus;
import io.zhibu.serving.ServingRules;
import io.zhibu.serving.ServingService;
import io.zhibu.serving.ServingViews.Board;
import io.zhibu.serving.ServingViews.NeedForm;
import io.zhibu.serving.ServingViews.RecordForm;
import io.zhibu.serving.ServingViews.ReportForm;
import io.zhibu.serving.SignupStatus;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.Role;
import io.zhibu.shared.web.Messages;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 双报到 pages: a member's phone page (report to a community, its needs to sign up for, my service record) and an
 * organization's page (reports to confirm, needs to publish, services to record, who reported and what they did).
 */
@Controller
@RequestMapping("/serving")
public class ServingPageController {
    private final ServingService serving;
    private final io.zhibu.serving.VolunteerService volunteers;
    private final OrgService orgs;
    private final Messages messages;
    private final Clock clock;

    public ServingPageController(ServingService serving, io.zhibu.serving.VolunteerService volunteers, OrgService orgs,
                                 Messages messages, Clock clock) {
        this.serving = serving;
        this.volunteers = volunteers;
        this.orgs = orgs;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    public String home(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
                       @RequestParam(required = false) Integer page, Model model) {
        DataScope scope = CurrentScope.get();
        LocalDate today = LocalDate.now(clock);
        Board board = serving.board(scope, orgId, year, page, 25);
        model.addAttribute("b", board);
        model.addAttribute("today", today);
        if (scope.selfOnly()) {
            boolean active = board.reports().stream().anyMatch(r -> r.year() == today.getYear()
                    && (r.status() == ReportStatus.FILED || r.status() == ReportStatus.CONFIRMED));
            boolean inService = serving.callerInService(scope);
            model.addAttribute("inService", inService);
            model.addAttribute("canFile", !active && inService);
            model.addAttribute("communities", active || !inService ? List.of() : serving.communities(scope));
            var activities = volunteers.myRecord(scope);
            model.addAttribute("activities", activities);
            model.addAttribute("servedMinutes", board.signups().stream().filter(s -> s.status() == SignupStatus.SERVED)
                    .mapToInt(s -> s.minutes() == null ? 0 : s.minutes()).sum()
                    + activities.stream().mapToInt(a -> a.myMinutes() == null ? 0 : a.myMinutes()).sum());
            model.addAttribute("servedPoints", board.signups().stream().filter(s -> s.status() == SignupStatus.SERVED)
                    .mapToInt(s -> s.points() == null ? 0 : s.points()).sum());
            return "serving/member";
        }
        model.addAttribute("year", year != null ? year : today.getYear());
        model.addAttribute("orgId", orgId);
        model.addAttribute("pageBase", "/serving?year=" + (year != null ? year : today.getYear()) + (orgId == null ? "" : "&orgId=" + orgId));
        boolean manager = scope.canManageOrgs() || scope.role() == Role.BRANCH_SECRETARY;
        List<Organization> communities = !manager || scope.scopeOrgId() == null ? List.of()
                : orgs.activeIn(scope, scope.scopeOrgId(), Arrays.stream(OrgType.values()).filter(OrgType::holdsMembers).toList())
                        .stream().filter(o -> ServingRules.community(o.domain(), o.type())).toList();
        model.addAttribute("communities", communities);
        model.addAttribute("kinds", NeedKind.values());
        model.addAttribute("minMinutes", ServingRules.MIN_MINUTES);
        model.addAttribute("maxMinutes", ServingRules.MAX_MINUTES);
        return "serving/board";
    }

    @GetMapping("/rates")
    public String rates(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year, Model model) {
        int y = year != null ? year : LocalDate.now(clock).getYear();
        model.addAttribute("rates", serving.rates(CurrentScope.get(), orgId, y));
        model.addAttribute("year", y);
        return "serving/rates";
    }

    @PostMapping("/reports")
    public String file(@RequestParam(required = false) Long communityOrgId, @RequestParam(required = false) Long memberId,
                       @RequestParam(required = false) String note, RedirectAttributes flash) {
        return act(flash, () -> {
            serving.file(CurrentScope.get(), new ReportForm(memberId, communityOrgId, note));
            flash.addFlashAttribute("notice", messages.get("serving.report.filed"));
        });
    }

    @PostMapping("/reports/{id}/confirm")
    public String confirm(@PathVariable long id, RedirectAttributes flash) {
        return act(flash, () -> {
            serving.decide(CurrentScope.get(), id, Action.CONFIRM, null);
            flash.addFlashAttribute("notice", messages.get("serving.report.confirmed"));
        });
    }

    @PostMapping("/reports/{id}/decline")
    public String decline(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        return act(flash, () -> {
            serving.decide(CurrentScope.get(), id, Action.DECLINE, reason);
            flash.addFlashAttribute("notice", messages.get("serving.report.declined"));
        });
    }

    @PostMapping("/reports/{id}/withdraw")
    public String withdraw(@PathVariable long id, RedirectAttributes flash) {
        return act(flash, () -> {
            serving.decide(CurrentScope.get(), id, Action.WITHDRAW, null);
            flash.addFlashAttribute("notice", messages.get("serving.report.withdrawn"));
        });
    }

    @PostMapping("/needs")
    public String createNeed(@RequestParam(required = false) Long communityOrgId, @RequestParam(required = false) String kind,
                             @RequestParam(required = false) String title, @RequestParam(required = false) String description,
                             @RequestParam(required = false) String place, @RequestParam(required = false) String needOn,
                             @RequestParam(required = false) Integer places, RedirectAttributes flash) {
        return act(flash, () -> {
            serving.createNeed(CurrentScope.get(), new NeedForm(communityOrgId, kind(kind), title, description, place,
                    date(needOn, "needOn"), places));
            flash.addFlashAttribute("notice", messages.get("serving.need.saved"));
        });
    }

    @PostMapping("/needs/{id}/close")
    public String close(@PathVariable long id, RedirectAttributes flash) {
        return act(flash, () -> {
            serving.closeNeed(CurrentScope.get(), id);
            flash.addFlashAttribute("notice", messages.get("serving.need.closedNotice"));
        });
    }

    @PostMapping("/needs/{id}/signups")
    public String signUp(@PathVariable long id, RedirectAttributes flash) {
        return act(flash, () -> {
            serving.signUp(CurrentScope.get(), id);
            flash.addFlashAttribute("notice", messages.get("serving.signup.done"));
        });
    }

    @PostMapping("/signups/{id}/record")
    public String record(@PathVariable long id, @RequestParam(required = false) String servedOn,
                         @RequestParam(required = false) Integer minutes, @RequestParam(required = false) String feedback,
                         RedirectAttributes flash) {
        return act(flash, () -> {
            serving.record(CurrentScope.get(), id, new RecordForm(date(servedOn, "servedOn"), minutes, feedback));
            flash.addFlashAttribute("notice", messages.get("serving.signup.recordedNotice"));
        });
    }

    private static NeedKind kind(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return NeedKind.valueOf(raw.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("kind", "validation.required");
        }
    }

    private static LocalDate date(String raw, String field) {
        try {
            return raw == null || raw.isBlank() ? null : LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, "serving.date");
        }
    }

    private String act(RedirectAttributes flash, Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("actionErrors", List.copyOf(messages.fieldErrors(e.violations()).values()));
        } catch (ConflictException e) {
            flash.addFlashAttribute("actionErrors", List.of(messages.get(e.code(), e.args())));
        }
        return "redirect:/serving";
    }

}
