package io.zhibu.themeday.web;

import io.zhibu.shared.ConflictException;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.web.Messages;
import io.zhibu.themeday.ThemeDayService;
import io.zhibu.themeday.ThemeDayViews.Form;
import java.io.IOException;
import java.time.YearMonth;
import java.util.List;
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

/** 主题党日 library pages: the themes offered (and the publish form), one theme with materials and picks. */
@Controller
@RequestMapping("/theme-days")
public class ThemeDayPageController {
    private final ThemeDayService service;
    private final Messages messages;
    private final java.time.Clock clock;

    public ThemeDayPageController(ThemeDayService service, Messages messages, java.time.Clock clock) {
        this.service = service;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    public String list(@RequestParam(required = false) Long orgId, @RequestParam(required = false) String month, Model model) {
        DataScope scope = CurrentScope.get();
        model.addAttribute("list", service.list(scope, orgId, month));
        model.addAttribute("publishers", service.publishers(scope));
        model.addAttribute("month", month);
        model.addAttribute("nextMonth", YearMonth.now(clock).plusMonths(1).toString());
        return "themeday/list";
    }

    @PostMapping
    public String publish(@RequestParam(required = false) Long orgId, @RequestParam(required = false) String month,
                          @RequestParam(required = false) String topic, @RequestParam(required = false) String materials,
                          @RequestParam(required = false) String activities, RedirectAttributes flash) {
        return act(flash, "/theme-days", () -> {
            var t = service.publish(CurrentScope.get(), new Form(orgId, month, topic, materials, activities, null));
            flash.addFlashAttribute("notice", messages.get("themeday.published"));
            return "redirect:/theme-days/" + t.id();
        });
    }

    @GetMapping("/{id}")
    public String detail(@PathVariable long id, Model model) {
        model.addAttribute("d", service.get(CurrentScope.get(), id));
        return "themeday/detail";
    }

    @PostMapping("/{id}")
    public String update(@PathVariable long id, @RequestParam(required = false) String month,
                         @RequestParam(required = false) String topic, @RequestParam(required = false) String materials,
                         @RequestParam(required = false) String activities, @RequestParam(required = false) Integer version,
                         RedirectAttributes flash) {
        String back = "/theme-days/" + id;
        return act(flash, back, () -> {
            service.update(CurrentScope.get(), id, new Form(null, month, topic, materials, activities, version));
            flash.addFlashAttribute("notice", messages.get("themeday.saved"));
            return "redirect:" + back;
        });
    }

    @PostMapping("/{id}/withdraw")
    public String withdraw(@PathVariable long id, RedirectAttributes flash) {
        String back = "/theme-days/" + id;
        return act(flash, back, () -> {
            service.withdraw(CurrentScope.get(), id);
            flash.addFlashAttribute("notice", messages.get("themeday.withdrawn"));
            return "redirect:" + back;
        });
    }

    @PostMapping("/{id}/files")
    public String attach(@PathVariable long id, @RequestParam(required = false) MultipartFile file, RedirectAttributes flash) {
        String back = "/theme-days/" + id;
        return act(flash, back, () -> {
            byte[] bytes;
            try {
                bytes = file == null ? null : file.getBytes();
            } catch (IOException e) {
                throw InvalidInputException.of("file", "validation.required");
            }
            service.attach(CurrentScope.get(), id, file == null ? null : file.getOriginalFilename(), bytes);
            flash.addFlashAttribute("notice", messages.get("themeday.fileAdded"));
            return "redirect:" + back;
        });
    }

    @GetMapping("/{id}/files/{fileId}")
    @ResponseBody
    public ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long fileId) {
        return FileResponses.of(service.download(CurrentScope.get(), id, fileId));
    }

    private String act(RedirectAttributes flash, String back, Supplier<String> action) {
        try {
            return action.get();
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("actionErrors", List.copyOf(messages.fieldErrors(e.violations()).values()));
        } catch (ConflictException e) {
            flash.addFlashAttribute("actionErrors", List.of(messages.get(e.code(), e.args())));
        }
        return "redirect:" + back;
    }
}
