package io.zhibu.account.web;

import io.zhibu.account.AccountService;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "auth", description = "Sign-in and the current user")
public class AuthApiController {
    private final AccountService accounts;
    private final Messages messages;

    public AuthApiController(AccountService accounts, Messages messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    public record LoginRequest(String username, String password) {
    }

    public record TokenResponse(String token, String tokenType) {
    }

    public record Me(String username, String displayName, List<String> roles, Long orgId, Long memberId) {
    }

    @PostMapping("/auth/login")
    @Operation(summary = "Get a bearer token", description = "Answer {\"token\": …}; use it as Authorization: Bearer …")
    public ResponseEntity<?> login(@RequestBody(required = false) LoginRequest req) {
        if (req == null || req.username() == null || req.password() == null) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, messages.get("auth.missing"));
            return ResponseEntity.badRequest().body(p);
        }
        return switch (accounts.authenticate(req.username(), req.password())) {
            case AccountService.SignedIn s -> ResponseEntity.ok(new TokenResponse(accounts.issueToken(s.scope()), "Bearer"));
            case AccountService.Refused r -> ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, messages.get(r.reasonCode())));
        };
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
    @Operation(summary = "The current user: username, roles and the org id of the scope root")
    public Me me() {
        DataScope s = CurrentScope.get();
        String display = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication().getPrincipal() instanceof io.zhibu.account.internal.ZhibuPrincipal p ? p.displayName() : s.username();
        return new Me(s.username(), display, List.of(s.role().name()), s.scopeOrgId(), s.selfMemberId());
    }
}
