package io.zhibu.audit.web;

import io.zhibu.audit.AuditEntry;
import io.zhibu.audit.AuditOutcome;
import io.zhibu.audit.AuditQuery;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "audit", description = "Audit trail (审计), for the audit role")
public class AuditApiController {
    private final AuditQuery audit;

    public AuditApiController(AuditQuery audit) {
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "Audit events, newest first, limited to the auditor's scope")
    public Page<AuditEntry> search(@RequestParam(required = false) String actor,
                                   @RequestParam(required = false) String action,
                                   @RequestParam(required = false) AuditOutcome outcome,
                                   @RequestParam(required = false) LocalDate from,
                                   @RequestParam(required = false) LocalDate to,
                                   @RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size) {
        return audit.search(CurrentScope.get(), new AuditQuery.Filter(actor, action, outcome, from, to), page, size);
    }

    @GetMapping("/chain")
    @Operation(summary = "Verify the audit trail's hash chain (archived and online rows); reports the first break")
    public io.zhibu.audit.ChainReport chain() {
        return audit.verifyChain(CurrentScope.get());
    }
}
