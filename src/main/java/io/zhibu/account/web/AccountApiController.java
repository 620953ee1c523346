package io.zhibu.account.web;

import io.zhibu.account.AccountAdmin;
import io.zhibu.account.AccountStatus;
import io.zhibu.account.AccountSummary;
import io.zhibu.account.IssuedCode;
import io.zhibu.org.Organization;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.Page;
import io.zhibu.shared.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The security administrator's account management over HTTP (issue 15 §9); secretaries issue codes for their branch. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "accounts", description = "Accounts: search, staff accounts, activation codes, lock, disable, sessions")
public class AccountApiController {
    private final AccountAdmin admin;
    private final ActivationSheet sheet;
    private final io.zhibu.shared.web.Messages messages;

    public AccountApiController(AccountAdmin admin, ActivationSheet sheet, io.zhibu.shared.web.Messages messages) {
        this.admin = admin;
        this.sheet = sheet;
        this.messages = messages;
    }

    public record Items<T>(List<T> items, long total, int page, int size) {
    }

    @GetMapping("/accounts")
    @Operation(summary = "Search accounts by name/login, organization subtree and status")
    public Items<AccountSummary> search(@RequestParam(required = false) String q, @RequestParam(required = false) Long orgId,
                                        @RequestParam(required = false) AccountStatus status,
                                        @RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer size) {
        Page<AccountSummary> p = admin.search(CurrentScope.get(), q, orgId, status, page, size);
        return new Items<>(p.items(), p.total(), p.page(), p.size());
    }

    @GetMapping("/accounts/{id}")
    @Operation(summary = "One account: status, last sign-in, active sessions")
    public AccountSummary get(@PathVariable long id) {
        return admin.get(CurrentScope.get(), id);
    }

    public record StaffRequest(String username, String displayName, Role role, Long scopeOrgId) {
    }

    @PostMapping("/accounts")
    @Operation(summary = "Create a staff account with a role and an org scope; answers the one-time activation code")
    public ResponseEntity<AccountAdmin.Created> create(@RequestBody(required = false) StaffRequest req) {
        StaffRequest r = req == null ? new StaffRequest(null, null, null, null) : req;
        AccountAdmin.Created c = admin.createStaff(CurrentScope.get(),
                new AccountAdmin.StaffForm(r.username(), r.displayName(), r.role(), r.scopeOrgId()));
        return ResponseEntity.status(201).body(c);
    }

    public record RoleRequest(Role role, Long scopeOrgId) {
    }

    @PostMapping("/accounts/{id}/role")
    @Operation(summary = "Assign a staff account's role and org scope (ends its sessions)")
    public AccountSummary role(@PathVariable long id, @RequestBody(required = false) RoleRequest req) {
        return admin.assignRole(CurrentScope.get(), id, req == null ? null : req.role(), req == null ? null : req.scopeOrgId());
    }

    public record CodeRequest(Boolean sms) {
    }

    public record CodeResponse(String activationCode, String login, String expiresAt) {
    }

    @PostMapping("/accounts/{id}/activation-codes")
    @Operation(summary = "A new one-time activation code (for an activated account: a reset)",
            description = "Body {\"sms\":true} also sends it to the member's mobile through the SmsSender.")
    public CodeResponse code(@PathVariable long id, @RequestBody(required = false) CodeRequest req) {
        IssuedCode c = admin.issueCode(CurrentScope.get(), id, req != null && Boolean.TRUE.equals(req.sms()));
        return new CodeResponse(c.activationCode(), c.login(), c.expiresAt().toString());
    }

    @PostMapping("/accounts/{id}/lock")
    @Operation(summary = "Lock the account (ends its sessions)")
    public AccountSummary lock(@PathVariable long id) {
        return admin.lock(CurrentScope.get(), id, true);
    }

    @PostMapping("/accounts/{id}/unlock")
    @Operation(summary = "Unlock the account (also forgets failed sign-ins)")
    public AccountSummary unlock(@PathVariable long id) {
        return admin.lock(CurrentScope.get(), id, false);
    }

    @PostMapping("/accounts/{id}/disable")
    @Operation(summary = "Disable the account (ends its sessions)")
    public AccountSummary disable(@PathVariable long id) {
        return admin.enable(CurrentScope.get(), id, false);
    }

    @PostMapping("/accounts/{id}/enable")
    @Operation(summary = "Enable a disabled account (not one of a member who left)")
    public AccountSummary enable(@PathVariable long id) {
        return admin.enable(CurrentScope.get(), id, true);
    }

    public record Revoked(int sessions) {
    }

    @PostMapping("/accounts/{id}/revoke-sessions")
    @Operation(summary = "End every session of the account")
    public Revoked revoke(@PathVariable long id) {
        return new Revoked(admin.revokeSessions(CurrentScope.get(), id));
    }

    public record OrgChoice(long id, String name) {
    }

    @GetMapping("/accounts/org-choices")
    @Operation(summary = "Organizations to choose a staff scope from (id and name only)")
    public List<OrgChoice> orgChoices(@RequestParam(required = false) String q) {
        return admin.orgChoices(CurrentScope.get(), q).stream().map(o -> new OrgChoice(o.id(), o.name())).toList();
    }

    public record SheetItem(long accountId, String name, String login, String activationCode, String expiresAt) {
    }

    @PostMapping("/orgs/{id}/activation-codes")
    @Operation(summary = "Codes for every unactivated member of a branch: JSON, or the printable slip sheet with "
            + "Accept: application/pdf")
    public ResponseEntity<?> branchCodes(@PathVariable long id,
                                         @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        List<IssuedCode> codes = admin.issueBranchCodes(CurrentScope.get(), id);
        if (accept != null && accept.contains(MediaType.APPLICATION_PDF_VALUE)) {
            String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"activation-codes-" + id + ".pdf\"")
                    .body(sheet.pdf(messages.get("account.sheet.title"), codes, base));
        }
        return ResponseEntity.ok(new Items<>(codes.stream().map(c -> new SheetItem(c.accountId(), c.displayName(),
                c.login(), c.activationCode(), c.expiresAt().toString())).toList(), codes.size(), 0, codes.size()));
    }
}
