package io.zhibu.serving.web;

import io.zhibu.serving.DesignationKind;
import io.zhibu.serving.DesignationService;
import io.zhibu.serving.DesignationService.DesignationForm;
import io.zhibu.serving.DesignationService.ReviewForm;
import io.zhibu.serving.ReviewResult;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.Role;
import io.zhibu.shared.web.Messages;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
 * 亮身份 pages: a branch's designations (designate a member with the member picker, review yearly, withdraw, open
 * the card), a member's own cards on the phone, and the fragment the member profile loads.
 */
@Controller
@RequestMapping("/serving/designations")
public class DesignationPageController {
    private final DesignationService designations;
    private final Messages messages;
    private final Clock clock;

    public DesignationPageController(DesignationService designations, Messages messages, Clock clock) {
        this.designations = designations;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    public String list(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer page, Model model) {
        DataScope scope = CurrentScope.get();
        var result = designations.list(scope, orgId, page, 20);
        model.addAttribute("result", result);
        model.addAttribute("kinds", DesignationKind.values());
        model.addAttribute("results", ReviewResult.values());
        model.addAttribute("member", scope.selfOnly());
        model.addAttribute("canDesignate", !scope.selfOnly() && (scope.canManageOrgs() || scope.role() == Role.BRANCH_SECRETARY));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("pageBase", orgId == null ? "/serving/designations" : "/serving/designations?orgId=" + orgId);
        return "serving/designations";
    }

    /** The profile's section (loaded into the member page): the member's designations, or nothing. */
    @GetMapping("/members/{memberId}")
    public String ofMember(@PathVariable long memberId, Model model) {
        model.addAttribute("list", designations.ofMember(CurrentScope.get(), memberId));
        return "serving/designations :: profile";
    }

    @PostMapping
    public String create(@RequestParam(required = false) Long memberId, @RequestParam(required = false) String kind,
                         @RequestParam(required = false) String post, @RequestParam(required = false) String area,
                         @RequestParam(required = false) String household, @RequestParam(required = false) String commitments,
                         @RequestParam(required = false) String startsOn, @RequestParam(required = false) String endsOn,
                         RedirectAttributes flash) {
        return act(flash, () -> designations.create(CurrentScope.get(), new DesignationForm(memberId, kind(kind), post, area,
                household, commitments, date(startsOn, "startsOn"), date(endsOn, "endsOn"))), "serving.designation.saved");
    }

    @PostMapping("/{id}/reviews")
    public String review(@PathVariable long id, @RequestParam(required = false) Integer year,
                         @RequestParam(required = false) String result, @RequestParam(required = false) String comment,
                         RedirectAttributes flash) {
        return act(flash, () -> designations.review(CurrentScope.get(), id, new ReviewForm(year, result(result), comment)),
                "serving.designation.reviewedNotice");
    }

    @PostMapping("/{id}/withdraw")
    public String withdraw(@PathVariable long id, RedirectAttributes flash) {
        return act(flash, () -> designations.withdraw(CurrentScope.get(), id), "serving.designation.withdrawnNotice");
    }

    private static DesignationKind kind(String raw) {
        try {
            return raw == null || raw.isBlank() ? null : DesignationKind.valueOf(raw.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("kind", "validation.required");
        }
    }

    private static ReviewResult result(String raw) {
        try {
            return raw == null || raw.isBlank() ? null : ReviewResult.valueOf(raw.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("result", "validation.required");
        }
    }

    static LocalDate date(String raw, String field) {
        try {
            return raw == null || raw.isBlank() ? null : LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, "serving.date");
        }
    }

    private String act(RedirectAttributes flash, Runnable action, String notice) {
        try {
            action.run();
            flash.addFlashAttribute("notice", messages.get(notice));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("actionErrors", List.copyOf(messages.fieldErrors(e.violations()).values()));
        } catch (ConflictException e) {
            flash.addFlashAttribute("actionErrors", List.of(messages.get(e.code(), e.args())));
        }
        return "redirect:/serving/designations";
    }
}
