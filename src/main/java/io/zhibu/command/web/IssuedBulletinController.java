package io.zhibu.command.web;

import io.zhibu.command.IssueBulletin;
import io.zhibu.command.IssuedBulletin;
import io.zhibu.command.IssuedBulletins;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.web.Messages;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 印发通报 page: issue a bulletin with its rectification task, and the issued ones. */
@Controller
public class IssuedBulletinController {
    private final IssuedBulletins issued;
    private final Messages messages;
    private final Clock clock;

    public IssuedBulletinController(IssuedBulletins issued, Messages messages, Clock clock) {
        this.issued = issued;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/tasks/bulletins")
    public String page(@RequestParam(required = false) String period, Model model) {
        model.addAttribute("items", issued.list(CurrentScope.get()));
        model.addAttribute("period", period != null ? period : YearMonth.now(clock).minusMonths(1).toString());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "command/bulletins";
    }

    @PostMapping("/tasks/bulletins")
    public String issuePage(@RequestParam(required = false) String period, Model model, RedirectAttributes flash) {
        try {
            IssuedBulletin b = issued.issue(CurrentScope.get(), new IssueBulletin(null, period, null));
            flash.addFlashAttribute("notice", messages.get("command.bulletin.done", b.number(), b.laggingCount()));
            return "redirect:/tasks/bulletins";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", messages.fieldErrors(e.violations()));
        } catch (ConflictException e) {
            model.addAttribute("actionErrors", List.of(messages.get(e.code(), e.args())));
        }
        return page(period, model);
    }
}
