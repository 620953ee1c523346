package io.zhibu.command.web;

import io.zhibu.command.NewNotice;
import io.zhibu.command.NoticeAudience;
import io.zhibu.command.NoticeService;
import io.zhibu.command.TaskTargets;
import io.zhibu.org.OrgDomain;
import io.zhibu.org.OrgType;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.web.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Notice pages: the caller's notices (phone-first), one notice (read receipt), the sender's list, form, receipts. */
@Controller
public class NoticePageController {
    private final NoticeService notices;
    private final Messages messages;

    public NoticePageController(NoticeService notices, Messages messages) {
        this.notices = notices;
        this.messages = messages;
    }

    /** The notice form: to organizations (range or picked, as a task) or to the members below a picked org. */
    public record NoticeForm(String title, String body, NoticeAudience audience, String mode, Long rootOrgId,
                             String rootOrgName, Integer level, OrgType type, OrgDomain domain, Long pick1, Long pick2,
                             Long pick3, Long pick4, Long pick5) {
        NewNotice toNotice() {
            TaskTargets targets = null;
            if (audience == NoticeAudience.ORGS) {
                if ("PICK".equals(mode)) {
                    targets = new TaskTargets(new ArrayList<>(Stream.of(pick1, pick2, pick3, pick4, pick5)
                            .filter(Objects::nonNull).toList()), null, null, null, null);
                } else if (rootOrgId != null) {
                    targets = new TaskTargets(null, rootOrgId, level, type, domain);
                }
            }
            return new NewNotice(title, body, audience, targets, audience == NoticeAudience.MEMBERS ? rootOrgId : null);
        }
    }

    @GetMapping("/notices")
    public String received(Model model) {
        DataScope scope = CurrentScope.get();
        model.addAttribute("items", notices.received(scope));
        model.addAttribute("canSend", scope.canManageMembers() && scope.scopeOrgId() != null);
        return "command/notices";
    }

    @GetMapping("/notices/sent")
    public String sent(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("result", notices.sent(CurrentScope.get(), page, 20));
        model.addAttribute("pageBase", "/notices/sent");
        return "command/notices-sent";
    }

    @GetMapping("/notices/new")
    public String newForm(Model model) {
        DataScope scope = CurrentScope.get();
        if (!scope.canManageMembers() || scope.scopeOrgId() == null) {
            throw new ForbiddenException("only an organization's staff or secretary send notices");
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new NoticeForm(null, null, NoticeAudience.MEMBERS, "RANGE", scope.scopeOrgId(),
                    null, null, null, null, null, null, null, null, null));
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        model.addAttribute("types", OrgType.values());
        model.addAttribute("domains", OrgDomain.values());
        return "command/notice-new";
    }

    @PostMapping("/notices")
    public String send(NoticeForm form, Model model, RedirectAttributes flash) {
        try {
            long id = notices.send(CurrentScope.get(), form.toNotice());
            flash.addFlashAttribute("notice", messages.get("command.notice.done.sent"));
            return "redirect:/notices/" + id + "/receipts";
        } catch (InvalidInputException e) {
            model.addAttribute("form", form);
            model.addAttribute("errors", messages.fieldErrors(e.violations()));
        }
        return newForm(model);
    }

    @GetMapping("/notices/{id}")
    public String open(@PathVariable long id, Model model) {
        DataScope scope = CurrentScope.get();
        model.addAttribute("n", notices.open(scope, id));
        model.addAttribute("canSend", scope.canManageMembers() && scope.scopeOrgId() != null);
        return "command/notice";
    }

    @GetMapping("/notices/{id}/receipts")
    public String receipts(@PathVariable long id, @RequestParam(required = false) Long orgId, Model model) {
        DataScope scope = CurrentScope.get();
        model.addAttribute("r", notices.receipts(scope, id, orgId));
        model.addAttribute("drill", orgId);
        return "command/notice-receipts";
    }

}
