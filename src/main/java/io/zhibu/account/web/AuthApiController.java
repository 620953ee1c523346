package io.zhibu.account.web;

import io.zhibu.account.AccountService;
import io.zhibu.account.Restriction;
import io.zhibu.account.internal.ZhibuPrincipal;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.web.Messages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "auth", description = "Sign-in, activation, second factor, own password and the current user")
public class AuthApiController {
    private final AccountService accounts;
    private final Messages messages;

    public AuthApiController(AccountService accounts, Messages messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    public record LoginRequest(String username, String login, String password) {
        String name() {
            return username != null ? username : login;
        }
    }

    /** {@code token} on success; {@code mfaRequired}+{@code mfaToken} when a second-factor code must follow. */
    public record TokenResponse(String token, String tokenType, Boolean mfaRequired, String mfaToken,
                                Boolean passwordChangeRequired, Boolean mfaEnrolmentRequired) {
    }

    public record ActivateRequest(String login, String activationCode, String newPassword) {
    }

    public record MfaRequest(String mfaToken, String code) {
    }

    public record PasswordRequest(String currentPassword, String newPassword) {
    }

    public record Me(String username, String displayName, String realName, List<String> roles, Long orgId,
                     Long memberId, String restriction, boolean mfaEnrolled) {
    }

    @PostMapping("/auth/login")
    @Operation(summary = "Sign in with login name (or mobile) and password",
            description = "Answers {\"token\"} — or {\"mfaRequired\":true,\"mfaToken\"} when a second factor is needed: "
                    + "then POST /api/v1/auth/mfa. Too many failures answer 429 with Retry-After.")
    public ResponseEntity<?> login(@RequestBody(required = false) LoginRequest req) {
        if (req == null || req.name() == null || req.password() == null) {
            return bad("auth.missing");
        }
        return answer(accounts.authenticate(req.name(), req.password()));
    }

    @PostMapping("/auth/mfa")
    @Operation(summary = "Second step of sign-in: the TOTP code (or a recovery code) for the mfaToken")
    public ResponseEntity<?> mfa(@RequestBody(required = false) MfaRequest req) {
        if (req == null || req.mfaToken() == null || req.code() == null) {
            return bad("auth.missing");
        }
        return answer(accounts.completeSecondFactor(req.mfaToken(), req.code()));
    }

    @PostMapping("/auth/activate")
    @Operation(summary = "Activate an account: login, one-time activation code, new password; answers {\"token\"}")
    public ResponseEntity<?> activate(@RequestBody(required = false) ActivateRequest req) {
        if (req == null || req.login() == null || req.activationCode() == null || req.newPassword() == null) {
            return bad("auth.missing");
        }
        return answer(accounts.activate(req.login(), req.activationCode(), req.newPassword()));
    }

    private ResponseEntity<?> answer(AccountService.SignIn result) {
        return switch (result) {
            case AccountService.SignedIn s -> ResponseEntity.ok(new TokenResponse(accounts.issueToken(s.scope()), "Bearer",
                    null, null, s.restriction() == Restriction.PASSWORD_CHANGE ? true : null,
                    s.restriction() == Restriction.MFA_ENROLL ? true : null));
            case AccountService.MfaRequired m ->
                    ResponseEntity.ok(new TokenResponse(null, null, true, m.mfaToken(), null, null));
            case AccountService.Refused r -> ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, messages.get(r.reasonCode())));
        };
    }

    private ResponseEntity<?> bad(String code) {
        return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, messages.get(code)));
    }

    @PostMapping("/auth/logout")
    @Operation(summary = "Revoke the bearer token")
    public ResponseEntity<Void> logout(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.length() > 7) {
            accounts.revokeToken(header.substring(7).strip());
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me")
    @Operation(summary = "The current user: username, real name, roles, the org id of the scope root, restrictions")
    public Me me() {
        DataScope s = CurrentScope.get();
        ZhibuPrincipal p = SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof ZhibuPrincipal z
                ? z : null;
        String display = p == null ? s.username() : p.displayName();
        return new Me(s.username(), display, s.selfMemberId() == null ? null : display, List.of(s.role().name()),
                s.scopeOrgId(), s.selfMemberId(), p == null ? Restriction.NONE.name() : p.restriction().name(),
                p != null && p.mfaEnrolled() != null ? p.mfaEnrolled() : accounts.mfaEnrolled(s.userId()));
    }

    @PostMapping("/me/password")
    @Operation(summary = "Change the own password (current password, new password under the policy)")
    public ResponseEntity<Void> changePassword(@RequestBody(required = false) PasswordRequest req) {
        if (req == null) {
            throw io.zhibu.shared.InvalidInputException.of("newPassword", "validation.required");
        }
        accounts.changePassword(CurrentScope.get(), req.currentPassword(), req.newPassword());
        return ResponseEntity.noContent().build();
    }

    public record EnrolmentResponse(String secret, String otpauthUri, String qrSvg) {
    }

    public record ConfirmRequest(String code) {
    }

    public record RecoveryCodes(List<String> recoveryCodes) {
    }

    @PostMapping("/me/mfa")
    @Operation(summary = "Start second-factor enrolment: a new TOTP secret with its otpauth URI and QR code")
    public EnrolmentResponse startMfa() {
        AccountService.Enrolment e = accounts.startEnrolment(CurrentScope.get());
        return new EnrolmentResponse(e.secret(), e.otpauthUri(), io.zhibu.shared.web.QrSvg.of(e.otpauthUri()));
    }

    @PostMapping("/me/mfa/confirm")
    @Operation(summary = "Confirm enrolment with a first code; answers ten one-time recovery codes (shown once)")
    public RecoveryCodes confirmMfa(@RequestBody(required = false) ConfirmRequest req) {
        return new RecoveryCodes(accounts.confirmEnrolment(CurrentScope.get(), req == null ? null : req.code()));
    }
}
