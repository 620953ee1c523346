package io.zhibu.account.web;

import io.zhibu.account.AccountAdmin;
import io.zhibu.account.AccountService;
import io.zhibu.account.AccountStatus;
import io.zhibu.account.IssuedCode;
import io.zhibu.account.Restriction;
import io.zhibu.account.internal.ZhibuPrincipal;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.Role;
import io.zhibu.shared.web.Messages;
import io.zhibu.shared.web.QrSvg;
import io.zhibu.shared.web.TooManyRequestsException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Pages: the security administrator's console {@code /accounts} (secretaries see their branch's member accounts and
 * print activation slips), account activation {@code /activate} (public, phone-sized), own password
 * {@code /me/password}, second-factor enrolment {@code /me/mfa} and the sign-in code page {@code /login/mfa}.
 */
@Controller
public class AccountPageController {
    private final AccountAdmin admin;
    private final AccountService accounts;
    private final ActivationSheet sheet;
    private final Messages messages;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    public AccountPageController(AccountAdmin admin, AccountService accounts, ActivationSheet sheet, Messages messages) {
        this.admin = admin;
        this.accounts = accounts;
        this.sheet = sheet;
        this.messages = messages;
    }

    // --- console -------------------------------------------------------------------------------------------------

    @GetMapping("/accounts")
    public String console(@RequestParam(required = false) String q, @RequestParam(required = false) Long orgId,
                          @RequestParam(required = false) AccountStatus status, @RequestParam(required = false) String orgQ,
                          @RequestParam(required = false) Integer page, Model model) {
        DataScope scope = CurrentScope.get();
        model.addAttribute("result", admin.search(scope, q, orgId, status, page, 50));
        model.addAttribute("q", q);
        model.addAttribute("orgId", orgId);
        model.addAttribute("orgQ", orgQ);
        model.addAttribute("status", status);
        model.addAttribute("statuses", AccountStatus.values());
        boolean manager = scope.role() == Role.SECURITY_ADMIN;
        model.addAttribute("manager", manager);
        model.addAttribute("orgChoices", manager
                ? admin.orgChoices(scope, orgQ).stream().map(o -> Map.entry(o.id(), o.name())).toList()
                : List.of());
        model.addAttribute("staffRoles", AccountAdmin.STAFF_ROLES);
        model.addAttribute("ownBranchId", scope.role() == Role.BRANCH_SECRETARY ? scope.scopeOrgId() : null);
        model.addAttribute("pageBase", UriComponentsBuilder.fromPath("/accounts")
                .queryParamIfPresent("q", Optional.ofNullable(q).filter(x -> !x.isBlank()))
                .queryParamIfPresent("orgId", Optional.ofNullable(orgId))
                .queryParamIfPresent("status", Optional.ofNullable(status)).encode().build().toUriString());
        return "accounts/console";
    }

    @PostMapping("/accounts/staff")
    public String createStaff(@RequestParam(required = false) String username,
                              @RequestParam(required = false) String displayName,
                              @RequestParam(required = false) Role role,
                              @RequestParam(required = false) Long scopeOrgId, RedirectAttributes flash) {
        try {
            AccountAdmin.Created c = admin.createStaff(CurrentScope.get(),
                    new AccountAdmin.StaffForm(username, displayName, role, scopeOrgId));
            flash.addFlashAttribute("notice", messages.get("accounts.created", c.login(), c.activationCode()));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("actionErrors", messages.fieldErrors(e.violations()).values());
        }
        return "redirect:/accounts";
    }

    @PostMapping("/accounts/{id}/{action:lock|unlock|disable|enable|code|revoke}")
    public String act(@PathVariable long id, @PathVariable String action, RedirectAttributes flash) {
        DataScope scope = CurrentScope.get();
        switch (action) {
            case "lock" -> admin.lock(scope, id, true);
            case "unlock" -> admin.lock(scope, id, false);
            case "disable" -> admin.enable(scope, id, false);
            case "enable" -> admin.enable(scope, id, true);
            case "revoke" -> admin.revokeSessions(scope, id);
            default -> {
                IssuedCode c = admin.issueCode(scope, id, false);
                flash.addFlashAttribute("notice", messages.get("accounts.codeIssued", c.login(), c.activationCode()));
                return "redirect:/accounts?q=" + java.net.URLEncoder.encode(c.login(), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        flash.addFlashAttribute("notice", messages.get("accounts.done"));
        return "redirect:/accounts";
    }

    @PostMapping("/accounts/branch-sheet")
    public ResponseEntity<byte[]> branchSheet(@RequestParam long orgId) {
        List<IssuedCode> codes = admin.issueBranchCodes(CurrentScope.get(), orgId);
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"activation-codes-" + orgId + ".pdf\"")
                .body(sheet.pdf(messages.get("account.sheet.title"), codes, base));
    }

    // --- activation (public) -------------------------------------------------------------------------------------

    @GetMapping("/activate")
    public String activateForm(@RequestParam(required = false) String login, @RequestParam(required = false) String code,
                               Model model) {
        model.addAttribute("login", login);
        model.addAttribute("code", code);
        return "accounts/activate";
    }

    @PostMapping("/activate")
    public String activate(@RequestParam(required = false) String login, @RequestParam(required = false) String code,
                           @RequestParam(required = false) String newPassword,
                           @RequestParam(required = false) String confirmPassword, Model model,
                           HttpServletRequest req, HttpServletResponse res) {
        model.addAttribute("login", login);
        model.addAttribute("code", code);
        if (newPassword == null || !newPassword.equals(confirmPassword)) {
            model.addAttribute("error", messages.get("activate.mismatch"));
            return "accounts/activate";
        }
        AccountService.SignIn result;
        try {
            result = accounts.activate(login, code, newPassword);
        } catch (InvalidInputException e) {
            model.addAttribute("error", String.join(" ", messages.fieldErrors(e.violations()).values()));
            return "accounts/activate";
        } catch (TooManyRequestsException e) {
            model.addAttribute("error", messages.get("auth.tooManyAttempts", e.retryAfterSeconds()));
            return "accounts/activate";
        }
        if (result instanceof AccountService.SignedIn s) {
            signIn(new ZhibuPrincipal(s.scope(), s.displayName(), s.restriction()), req, res);
            return "redirect:/";
        }
        model.addAttribute("error", messages.get("account.activation.bad"));
        return "accounts/activate";
    }

    private void signIn(ZhibuPrincipal p, HttpServletRequest req, HttpServletResponse res) {
        if (req.getSession(false) != null) {
            req.changeSessionId();
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(p, null,
                p.restriction() == Restriction.MFA_PENDING ? List.of() : p.authorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, req, res);
    }

    // --- own password --------------------------------------------------------------------------------------------

    @GetMapping("/me/password")
    public String passwordForm(Model model) {
        model.addAttribute("expired", restriction() == Restriction.PASSWORD_CHANGE);
        return "accounts/password";
    }

    @PostMapping("/me/password")
    public String changePassword(@RequestParam(required = false) String currentPassword,
                                 @RequestParam(required = false) String newPassword,
                                 @RequestParam(required = false) String confirmPassword, Model model,
                                 HttpServletRequest req, HttpServletResponse res, RedirectAttributes flash) {
        model.addAttribute("expired", restriction() == Restriction.PASSWORD_CHANGE);
        if (newPassword == null || !newPassword.equals(confirmPassword)) {
            model.addAttribute("error", messages.get("activate.mismatch"));
            return "accounts/password";
        }
        DataScope scope = CurrentScope.get();
        try {
            accounts.changePassword(scope, currentPassword, newPassword);
        } catch (InvalidInputException e) {
            model.addAttribute("error", String.join(" ", messages.fieldErrors(e.violations()).values()));
            return "accounts/password";
        }
        accounts.current(scope.userId()).ifPresent(s ->
                signIn(new ZhibuPrincipal(s.scope(), s.displayName(), s.restriction()), req, res));
        flash.addFlashAttribute("notice", messages.get("password.changed"));
        return "redirect:/";
    }

    // --- second factor -------------------------------------------------------------------------------------------

    @GetMapping("/me/mfa")
    public String mfaPage(Model model) {
        model.addAttribute("enrolled", accounts.mfaEnrolled(CurrentScope.get().userId()));
        return "accounts/mfa";
    }

    @PostMapping("/me/mfa/start")
    public String mfaStart(Model model) {
        AccountService.Enrolment e = accounts.startEnrolment(CurrentScope.get());
        model.addAttribute("enrolled", false);
        model.addAttribute("secret", e.secret());
        model.addAttribute("qr", QrSvg.of(e.otpauthUri()));
        return "accounts/mfa";
    }

    @PostMapping("/me/mfa")
    public String mfaConfirm(@RequestParam(required = false) String code, Model model, HttpServletRequest req,
                             HttpServletResponse res) {
        DataScope scope = CurrentScope.get();
        try {
            List<String> recovery = accounts.confirmEnrolment(scope, code);
            model.addAttribute("recovery", recovery);
            model.addAttribute("enrolled", true);
            accounts.current(scope.userId()).ifPresent(s ->
                    signIn(new ZhibuPrincipal(s.scope(), s.displayName(), s.restriction()), req, res));
        } catch (InvalidInputException e) {
            model.addAttribute("enrolled", false);
            model.addAttribute("error", String.join(" ", messages.fieldErrors(e.violations()).values()));
        }
        return "accounts/mfa";
    }

    @GetMapping("/login/mfa")
    public String mfaLoginForm() {
        return "accounts/mfa-login";
    }

    @PostMapping("/login/mfa")
    public String mfaLogin(@RequestParam(required = false) String code, Model model, HttpServletRequest req,
                           HttpServletResponse res) {
        if (!(SecurityContextHolder.getContext().getAuthentication() != null
                && SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof ZhibuPrincipal p)
                || p.restriction() != Restriction.MFA_PENDING) {
            return "redirect:/";
        }
        if (accounts.verifySecondFactor(p.scope().userId(), code) instanceof AccountService.SignedIn s) {
            signIn(new ZhibuPrincipal(s.scope(), s.displayName(), s.restriction()), req, res);
            return "redirect:/";
        }
        model.addAttribute("error", messages.get("auth.mfa.bad"));
        return "accounts/mfa-login";
    }

    private static Restriction restriction() {
        return SecurityContextHolder.getContext().getAuthentication() != null
                && SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof ZhibuPrincipal p
                ? p.restriction() : Restriction.NONE;
    }
}
