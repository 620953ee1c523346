package io.zhibu.account;

import io.zhibu.account.internal.AccountRepository;
import io.zhibu.audit.AuditLog;
import io.zhibu.audit.AuditOutcome;
import io.zhibu.db.tables.records.AccountUserRecord;
import io.zhibu.member.MemberService;
import io.zhibu.org.OrgService;
import io.zhibu.org.Organization;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 账号: users, sign-in with the 等保 login-failure policy (R9.6: lock after 5 failures for 15 minutes),
 * opaque API tokens (stored only as hashes; 8 h lifetime, 30 min idle), and the data scope of each user.
 */
@Service
public class AccountService {
    public static final int MAX_FAILURES = 5;

    private final AccountRepository repo;
    private final PasswordEncoder encoder;
    private final OrgService orgs;
    private final MemberService members;
    private final AuditLog audit;
    private final Duration lockFor;
    private final Duration tokenLifetime;
    private final Duration tokenIdle;
    private final SecureRandom random = new SecureRandom();

    public AccountService(AccountRepository repo, PasswordEncoder encoder, OrgService orgs, MemberService members,
                          AuditLog audit, @Value("${zhibu.security.lock-duration:15m}") Duration lockFor,
                          @Value("${zhibu.security.token-lifetime:8h}") Duration tokenLifetime,
                          @Value("${zhibu.security.token-idle:30m}") Duration tokenIdle) {
        this.repo = repo;
        this.encoder = encoder;
        this.orgs = orgs;
        this.members = members;
        this.audit = audit;
        this.lockFor = lockFor;
        this.tokenLifetime = tokenLifetime;
        this.tokenIdle = tokenIdle;
    }

    public sealed interface SignIn {
    }

    public record SignedIn(DataScope scope, String displayName) implements SignIn {
    }

    public record Refused(String reasonCode) implements SignIn {
    }

    /** Verifies a password; counts failures and locks the account after {@link #MAX_FAILURES}. Audited either way. */
    @Transactional(noRollbackFor = RuntimeException.class)
    public SignIn authenticate(String username, String password) {
        OffsetDateTime now = now();
        AccountUserRecord u = username == null ? null : repo.findByUsername(username.strip()).orElse(null);
        if (u == null || !u.getEnabled()) {
            // Same work and answer as a wrong password, so usernames cannot be probed.
            encoder.matches(password == null ? "" : password, DUMMY_HASH);
            audit.forUser(username == null ? "?" : username, null, null, "auth.login", "unknown or disabled user", AuditOutcome.FAILURE);
            return new Refused("auth.badCredentials");
        }
        if (u.getLockedUntil() != null && u.getLockedUntil().isAfter(now)) {
            audit.forUser(u.getUsername(), u.getRole(), null, "auth.login", "account locked", AuditOutcome.DENIED);
            return new Refused("auth.locked");
        }
        if (password == null || !encoder.matches(password, u.getPasswordHash())) {
            int failures = u.getFailedLogins() + 1;
            OffsetDateTime lockUntil = failures >= MAX_FAILURES ? now.plus(lockFor) : null;
            repo.recordFailure(u.getId(), failures >= MAX_FAILURES ? 0 : failures, lockUntil);
            audit.forUser(u.getUsername(), u.getRole(), null, "auth.login",
                    lockUntil == null ? "wrong password (" + failures + ")" : "wrong password, account locked", AuditOutcome.FAILURE);
            return new Refused(lockUntil == null ? "auth.badCredentials" : "auth.locked");
        }
        repo.recordSuccess(u.getId());
        DataScope scope = scopeOf(u);
        audit.forUser(u.getUsername(), u.getRole(), scope.orgPath(), "auth.login", null, AuditOutcome.SUCCESS);
        return new SignedIn(scope, u.getDisplayName());
    }

    /** Issues an API token for a signed-in user; only its SHA-256 is stored. */
    @Transactional
    public String issueToken(DataScope scope) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        OffsetDateTime now = now();
        repo.insertToken(hash(token), scope.userId(), now, now.plus(tokenLifetime));
        return token;
    }

    /** The user behind a bearer token, if the token is valid, unexpired and not idle too long. */
    @Transactional
    public Optional<SignedIn> resolveToken(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        OffsetDateTime now = now();
        return repo.findLiveToken(hash(token), now, now.minus(tokenIdle)).flatMap(live -> {
            // The idle clock needs minute precision only: skip the write on most requests.
            if (live.lastUsedAt().isBefore(now.minusMinutes(1))) {
                repo.touchToken(hash(token), now);
            }
            return repo.findById(live.userId()).filter(AccountUserRecord::getEnabled)
                    .map(u -> new SignedIn(scopeOf(u), u.getDisplayName()));
        });
    }

    @Transactional
    public void revokeToken(String token) {
        if (token != null) {
            repo.deleteToken(hash(token));
        }
    }

    /** Creates an account (demo seeding and the security administrator's account management). */
    @Transactional
    public long createUser(String username, String displayName, String rawPassword, Role role, Long scopeOrgId,
                           Long memberId) {
        if (username == null || !username.matches("[A-Za-z0-9_.-]{3,64}")) {
            throw InvalidInputException.of("username", "account.username.format");
        }
        if (repo.findByUsername(username).isPresent()) {
            throw InvalidInputException.of("username", "account.username.taken");
        }
        PasswordPolicy.check(rawPassword);
        long id = repo.insertUser(username, displayName, encoder.encode(rawPassword), role, scopeOrgId, memberId, now());
        audit.success("account.create", "account", username, null, role + " scopeOrg=" + scopeOrgId);
        return id;
    }

    @Transactional(readOnly = true)
    public boolean exists(String username) {
        return repo.findByUsername(username).isPresent();
    }

    private DataScope scopeOf(AccountUserRecord u) {
        Role role = Role.valueOf(u.getRole());
        Long scopeOrgId = u.getScopeOrgId();
        if (role == Role.MEMBER && u.getMemberId() != null) {
            scopeOrgId = members.branchOf(u.getMemberId()).orElse(null);
        }
        String path = OrgPath.ROOT;
        Long region = null;
        if (scopeOrgId != null) {
            Organization org = orgs.scopeRootFor(scopeOrgId).orElse(null);
            if (org == null) {
                // A scope that no longer resolves must see nothing rather than everything.
                path = "X";
            } else {
                path = org.path();
                region = org.regionOrgId();
            }
        } else if (role != Role.ADMIN && role != Role.SECURITY_ADMIN && role != Role.AUDITOR) {
            path = "X";
        }
        return new DataScope(u.getId(), u.getUsername(), role, scopeOrgId, path, region, u.getMemberId());
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** A valid hash of a random password, compared against for unknown users. */
    private static final String DUMMY_HASH = "{bcrypt}$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z5pzUGtPx.kG4bTEZ2rHN1sS";
}
