package io.zhibu.meeting.web;

import io.zhibu.meeting.EvaluationRecords.*;
import io.zhibu.meeting.EvaluationRules.Grade;
import io.zhibu.meeting.EvaluationService;
import io.zhibu.meeting.MeetingService;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.web.Messages;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 民主评议党员 pages: rounds, member forms (self, peer, anonymous ballot), the committee's decision. */
@Controller
@RequestMapping("/meetings/evaluations")
public class EvaluationPageController {
    private final EvaluationService evaluations;
    private final Messages messages;
    private final Clock clock;

    public EvaluationPageController(EvaluationService evaluations, Messages messages, Clock clock) {
        this.evaluations = evaluations;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    public String list(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer page, Model model) {
        DataScope scope = CurrentScope.get();
        model.addAttribute("rounds", evaluations.page(scope, orgId, page, io.zhibu.shared.web.ListPages.PAGE_SIZE));
        model.addAttribute("pageBase", io.zhibu.shared.web.ListPages.base("/meetings/evaluations", "orgId", orgId));
        model.addAttribute("canOpen", MeetingService.canWrite(scope) && scope.scopeOrgId() != null);
        model.addAttribute("orgId", scope.scopeOrgId());
        model.addAttribute("year", LocalDate.now(clock).getYear());
        return "meeting/evaluations";
    }

    @PostMapping
    public String open(OpenRound body, RedirectAttributes flash) {
        try {
            RoundView r = evaluations.open(CurrentScope.get(), body);
            return "redirect:/meetings/evaluations/" + r.id();
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("actionErrors", new ArrayList<>(messages.fieldErrors(e.violations()).values()));
        } catch (ConflictException e) {
            flash.addFlashAttribute("actionErrors", List.of(messages.get(e.code(), e.args())));
        }
        return "redirect:/meetings/evaluations";
    }

    @GetMapping("/{id}")
    public String detail(@PathVariable long id, Model model) {
        DataScope scope = CurrentScope.get();
        model.addAttribute("r", evaluations.get(scope, id));
        model.addAttribute("isSecretary", MeetingService.canWrite(scope));
        model.addAttribute("isMember", scope.selfOnly());
        model.addAttribute("me", scope.selfMemberId());
        model.addAttribute("grades", Grade.values());
        return "meeting/evaluation";
    }

    @PostMapping("/{id}/self")
    public String self(@PathVariable long id, SelfEvaluation body, RedirectAttributes flash) {
        return act(id, flash, () -> evaluations.selfEvaluate(CurrentScope.get(), id, body));
    }

    @PostMapping("/{id}/peer")
    public String peer(@PathVariable long id, PeerComment body, RedirectAttributes flash) {
        return act(id, flash, () -> evaluations.peer(CurrentScope.get(), id, body));
    }

    @PostMapping("/{id}/ballot")
    public String ballot(@PathVariable long id, @RequestParam Map<String, String> params, RedirectAttributes flash) {
        return act(id, flash, () -> evaluations.ballot(CurrentScope.get(), id, new Ballot(grades(params))));
    }

    @PostMapping("/{id}/decision")
    public String decide(@PathVariable long id, @RequestParam Map<String, String> params, RedirectAttributes flash) {
        Map<Long, String> feedback = new HashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("feedback_") && v != null && !v.isBlank() && k.substring(9).matches("\\d{1,18}")) {
                feedback.put(Long.parseLong(k.substring(9)), v);
            }
        });
        return act(id, flash, () -> evaluations.decide(CurrentScope.get(), id, new Decision(grades(params), feedback)));
    }

    /** Form fields {@code grade_<memberId>}; empty selections are left out. */
    private static Map<Long, Grade> grades(Map<String, String> params) {
        Map<Long, Grade> out = new HashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("grade_") && v != null && !v.isBlank()) {
                try {
                    out.put(Long.parseLong(k.substring(6)), Grade.valueOf(v));
                } catch (IllegalArgumentException e) {
                    throw InvalidInputException.of("grades", "meeting.evaluation.gradeInvalid");
                }
            }
        });
        return out;
    }

    private String act(long id, RedirectAttributes flash, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("notice", messages.get("meeting.saved"));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("actionErrors", new ArrayList<>(messages.fieldErrors(e.violations()).values()));
        } catch (ConflictException e) {
            flash.addFlashAttribute("actionErrors", List.of(messages.get(e.code(), e.args())));
        }
        return "redirect:/meetings/evaluations/" + id;
    }
}
