package io.zhibu.member.web;

import io.zhibu.member.DisciplineType;
import io.zhibu.member.ExitType;
import io.zhibu.member.LifecycleChange;
import io.zhibu.member.MemberEventType;
import io.zhibu.member.MemberLifecycle;
import io.zhibu.member.MemberService;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.web.Messages;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of the member lifecycle: timeline with the change form, roster on a date, exited members. */
@Controller
public class LifecyclePageController {
    private final MemberLifecycle lifecycle;
    private final MemberService members;
    private final Messages messages;

    public LifecyclePageController(MemberLifecycle lifecycle, MemberService members, Messages messages) {
        this.lifecycle = lifecycle;
        this.members = members;
        this.messages = messages;
    }

    @GetMapping("/members/{id}/lifecycle")
    public String timeline(@PathVariable long id, Model model) {
        DataScope scope = CurrentScope.get();
        model.addAttribute("m", members.get(scope, id));
        model.addAttribute("state", lifecycle.state(scope, id));
        model.addAttribute("events", lifecycle.timeline(scope, id));
        model.addAttribute("canManage", scope.canManageMembers());
        model.addAttribute("types", MemberEventType.MANUAL);
        model.addAttribute("exitTypes", java.util.List.of(ExitType.WITHDRAWN, ExitType.PERSUADED, ExitType.LAPSED, ExitType.EXPELLED, ExitType.PROBATION_CANCELLED));
        model.addAttribute("disciplineTypes", DisciplineType.values());
        if (!model.containsAttribute("change")) {
            model.addAttribute("change", new LifecycleChange(null, LocalDate.now(), null, null, null, null, null, null, null));
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "lifecycle/timeline";
    }

    @PostMapping("/members/{id}/lifecycle")
    public String record(@PathVariable long id, LifecycleChange change, Model model, RedirectAttributes flash) {
        try {
            lifecycle.record(CurrentScope.get(), id, change);
            flash.addFlashAttribute("notice", messages.get("lifecycle.recorded"));
            return "redirect:/members/" + id + "/lifecycle";
        } catch (InvalidInputException e) {
            model.addAttribute("change", change);
            model.addAttribute("errors", messages.fieldErrors(e.violations()));
            return timeline(id, model);
        } catch (ConflictException e) {
            model.addAttribute("change", change);
            model.addAttribute("errors", Map.of("type", messages.get(e.code())));
            return timeline(id, model);
        }
    }

    @GetMapping("/members/as-of")
    public String asOf(@RequestParam(required = false) LocalDate date, @RequestParam(required = false) Long orgId,
                       @RequestParam(required = false) Integer page, Model model) {
        var r = lifecycle.rosterAt(CurrentScope.get(), orgId, date, page, 20);
        model.addAttribute("r", r);
        model.addAttribute("result", r.members());
        model.addAttribute("orgId", orgId);
        model.addAttribute("pageBase", org.springframework.web.util.UriComponentsBuilder.fromPath("/members/as-of")
                .queryParam("date", r.asOf())
                .queryParamIfPresent("orgId", java.util.Optional.ofNullable(orgId)).build().toUriString());
        return "lifecycle/as-of";
    }

    @GetMapping("/members/exited")
    public String exited(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer page,
                         Model model) {
        model.addAttribute("result", lifecycle.exited(CurrentScope.get(), orgId, page, 20));
        model.addAttribute("pageBase", org.springframework.web.util.UriComponentsBuilder.fromPath("/members/exited")
                .queryParamIfPresent("orgId", java.util.Optional.ofNullable(orgId)).build().toUriString());
        return "lifecycle/exited";
    }
}
