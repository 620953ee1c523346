package io.zhibu.meeting.web;

import io.zhibu.meeting.DeliberationStep;
import io.zhibu.meeting.FourDeliberations;
import io.zhibu.meeting.FourDeliberations.MatterForm;
import io.zhibu.meeting.FourDeliberations.StepForm;
import io.zhibu.meeting.MeetingService;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.web.Messages;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of 四议两公开 (rules.md §1.5): the matters and 落实率 of the subtree, a matter with its steps. */
@Controller
public class DeliberationPageController {
    private final FourDeliberations deliberations;
    private final Messages messages;
    private final Clock clock;

    public DeliberationPageController(FourDeliberations deliberations, Messages messages, Clock clock) {
        this.deliberations = deliberations;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/meetings/deliberations")
    public String list(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
                       Model model) {
        DataScope scope = CurrentScope.get();
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        model.addAttribute("year", y);
        model.addAttribute("orgId", orgId);
        model.addAttribute("matters", deliberations.list(scope, orgId, y));
        model.addAttribute("rates", deliberations.rates(scope, orgId, y));
        boolean canWrite = MeetingService.canWrite(scope);
        model.addAttribute("canWrite", canWrite);
        model.addAttribute("villages", canWrite ? deliberations.villages(scope) : java.util.List.of());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "meeting/deliberations";
    }

    @PostMapping("/meetings/deliberations")
    public String open(@RequestParam(required = false) Long orgId, @RequestParam(required = false) String title,
                       @RequestParam(required = false) String summary, RedirectAttributes flash) {
        try {
            var m = deliberations.open(CurrentScope.get(), new MatterForm(orgId, title, summary));
            flash.addFlashAttribute("notice", messages.get("deliberation.opened"));
            return "redirect:/meetings/deliberations/" + m.id();
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("errors", messages.fieldErrors(e.violations()));
            return "redirect:/meetings/deliberations";
        }
    }

    @GetMapping("/meetings/deliberations/{id}")
    public String detail(@PathVariable long id, Model model) {
        DataScope scope = CurrentScope.get();
        model.addAttribute("m", deliberations.get(scope, id));
        boolean canWrite = MeetingService.canWrite(scope);
        model.addAttribute("canWrite", canWrite);
        model.addAttribute("choices", canWrite ? deliberations.meetingChoices(scope, id) : java.util.List.of());
        model.addAttribute("allSteps", DeliberationStep.values());
        model.addAttribute("today", LocalDate.now(clock));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "meeting/deliberation";
    }

    @PostMapping("/meetings/deliberations/{id}/steps")
    public String step(@PathVariable long id, @RequestParam(required = false) DeliberationStep step,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
                       @RequestParam(required = false) Long meetingId, @RequestParam(required = false) String evidence,
                       @RequestParam(required = false) Integer version, RedirectAttributes flash) {
        try {
            deliberations.record(CurrentScope.get(), id, new StepForm(step, heldOn, meetingId, evidence, version));
            flash.addFlashAttribute("notice", messages.get("deliberation.recorded", messages.get("meeting.step." + step)));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("errors", messages.fieldErrors(e.violations()));
        } catch (ConflictException e) {
            flash.addFlashAttribute("errors", Map.of("step", messages.get(e.code(), e.args())));
        }
        return "redirect:/meetings/deliberations/" + id;
    }

    @PostMapping("/meetings/deliberations/{id}/steps/{step}/photos")
    public String photo(@PathVariable long id, @PathVariable DeliberationStep step,
                        @RequestParam(value = "file", required = false) org.springframework.web.multipart.MultipartFile file,
                        RedirectAttributes flash) throws java.io.IOException {
        try {
            deliberations.addPhoto(CurrentScope.get(), id, step, file == null ? null : file.getOriginalFilename(),
                    file == null || file.isEmpty() ? null : file.getBytes());
            flash.addFlashAttribute("notice", messages.get("deliberation.photo.added"));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("errors", messages.fieldErrors(e.violations()));
        }
        return "redirect:/meetings/deliberations/" + id;
    }
}
