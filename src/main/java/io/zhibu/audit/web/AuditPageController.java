package io.zhibu.audit.web;

import io.zhibu.audit.AuditOutcome;
import io.zhibu.audit.AuditQuery;
import io.zhibu.shared.CurrentScope;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
public class AuditPageController {
    private final AuditQuery audit;

    public AuditPageController(AuditQuery audit) {
        this.audit = audit;
    }

    @GetMapping("/audit")
    public String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                       @RequestParam(required = false) AuditOutcome outcome,
                       @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                       @RequestParam(required = false) Integer page, Model model) {
        AuditQuery.Filter f = new AuditQuery.Filter(actor, action, outcome, from, to);
        model.addAttribute("f", f);
        model.addAttribute("result", audit.search(CurrentScope.get(), f, page, 50));
        model.addAttribute("outcomes", AuditOutcome.values());
        model.addAttribute("pageBase", org.springframework.web.util.UriComponentsBuilder.fromPath("/audit")
                .queryParamIfPresent("actor", java.util.Optional.ofNullable(actor).filter(x -> !x.isBlank()))
                .queryParamIfPresent("action", java.util.Optional.ofNullable(action).filter(x -> !x.isBlank()))
                .queryParamIfPresent("outcome", java.util.Optional.ofNullable(outcome))
                .queryParamIfPresent("from", java.util.Optional.ofNullable(from))
                .queryParamIfPresent("to", java.util.Optional.ofNullable(to))
                .encode().build().toUriString());
        return "audit/list";
    }

    /** The chain verifier's page: rows checked and the first break, if any. */
    @GetMapping("/audit/chain")
    public String chain(Model model) {
        model.addAttribute("report", audit.verifyChain(CurrentScope.get()));
        return "audit/chain";
    }
}
