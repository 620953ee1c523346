package io.zhibu.transfer.web;

import io.zhibu.member.MemberForm;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.web.Messages;
import io.zhibu.transfer.NewTransfer;
import io.zhibu.transfer.TransferAction;
import io.zhibu.transfer.TransferChannel;
import io.zhibu.transfer.TransferCommand;
import io.zhibu.transfer.TransferKind;
import io.zhibu.transfer.TransferService;
import io.zhibu.transfer.TransferSide;
import io.zhibu.transfer.TransferView;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Transfer pages: boxes (sent / received / overdue), start, register an incoming letter, steps, letter print view. */
@Controller
public class TransferPageController {
    private final TransferService transfers;
    private final Messages messages;

    public TransferPageController(TransferService transfers, Messages messages) {
        this.transfers = transfers;
        this.messages = messages;
    }

    @GetMapping("/transfers")
    public String list(@RequestParam(required = false) TransferSide box, @RequestParam(required = false) Integer page,
                       Model model) {
        DataScope scope = CurrentScope.get();
        model.addAttribute("box", box);
        model.addAttribute("result", transfers.list(scope, box, null, page, 20));
        model.addAttribute("overdue", transfers.overdue(scope));
        model.addAttribute("pageBase", box == null ? "/transfers" : "/transfers?box=" + box);
        return "transfer/list";
    }

    @GetMapping("/transfers/new")
    public String newForm(@RequestParam(required = false) Long memberId, Model model) {
        if (!CurrentScope.get().canManageMembers()) {
            throw new ForbiddenException("role cannot handle transfers");
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new NewTransfer(TransferKind.INTERNAL, memberId, null, null, null,
                    TransferChannel.ONLINE, null, null, null, null, null));
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        model.addAttribute("channels", TransferChannel.values());
        return "transfer/new";
    }

    @PostMapping("/transfers")
    public String create(NewTransfer form, Model model, RedirectAttributes flash) {
        try {
            TransferView t = transfers.create(CurrentScope.get(), form);
            flash.addFlashAttribute("notice", messages.get("transfer.created"));
            return "redirect:/transfers/" + t.id();
        } catch (InvalidInputException e) {
            model.addAttribute("form", form);
            model.addAttribute("errors", messages.fieldErrors(e.violations()));
        } catch (ConflictException e) {
            model.addAttribute("form", form);
            model.addAttribute("errors", Map.of("memberId", messages.get(e.code())));
        }
        return form.kind() == TransferKind.INCOMING ? incomingForm(model) : newForm(form.memberId(), model);
    }

    @GetMapping("/transfers/incoming/new")
    public String incomingForm(Model model) {
        if (!CurrentScope.get().canManageMembers()) {
            throw new ForbiddenException("role cannot handle transfers");
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new NewTransfer(TransferKind.INCOMING, null, CurrentScope.get().scopeOrgId(), null,
                    null, TransferChannel.PAPER, null, null, null, null, null));
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "transfer/incoming";
    }

    @GetMapping("/transfers/{id}")
    public String detail(@PathVariable long id, Model model) {
        model.addAttribute("t", transfers.get(CurrentScope.get(), id));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "transfer/detail";
    }

    @PostMapping("/transfers/{id}/actions")
    public String act(@PathVariable long id, @RequestParam TransferAction action, @RequestParam Integer version,
                      @RequestParam(required = false) String note, @RequestParam(required = false) Integer validMonths,
                      @RequestParam(required = false) Long targetBranchId, MemberForm member, Model model,
                      RedirectAttributes flash) {
        try {
            transfers.act(CurrentScope.get(), id, new TransferCommand(action, version, note, validMonths, targetBranchId,
                    action == TransferAction.REPORT && member.name() != null ? member : null));
            flash.addFlashAttribute("notice", messages.get("transfer.done." + action));
            return "redirect:/transfers/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", messages.fieldErrors(e.violations()));
        } catch (ConflictException e) {
            model.addAttribute("actionErrors", List.of(messages.get(e.code(), e.args())));
        }
        return detail(id, model);
    }

    @GetMapping("/transfers/{id}/letter")
    public String letter(@PathVariable long id, Model model) {
        TransferView t = transfers.get(CurrentScope.get(), id);
        if (t.letterNumber() == null) {
            throw new ConflictException("transfer.conflict.noLetter");
        }
        model.addAttribute("t", t);
        return "transfer/letter";
    }
}
