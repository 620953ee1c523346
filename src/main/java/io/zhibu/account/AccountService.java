package io.zhibu.account;

import io.zhibu.shared.Sha256;
import io.zhibu.account.internal.AccountRepository;
import io.zhibu.audit.AuditLog;
import io.zhibu.audit.AuditOutcome;
import io.zhibu.db.tables.records.AccountUserRecord;
import io.zhibu.member.MemberService;
import io.zhibu.org.OrgService;
import io.zhibu.org.Organization;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.MobilePhone;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.Role;
import io.zhibu.shared.crypto.FieldCipher;
import io.zhibu.shared.crypto.Hmacs;
import io.zhibu.shared.web.RateLimits;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 账号: sign-in with the 等保 login-failure policy (R9.6: lock after 5 failures for 15 minutes, per account and
 * client address; failure budgets per address and login name, see {@link SignInThrottle}), activation with one-time
 * codes, password changes under {@link PasswordPolicy}, password expiry for staff, the TOTP second factor, opaque API
 * tokens (stored only as hashes; 8 h lifetime, 30 min idle), and the data scope of each user.
 */
@Service
public class AccountService {
    public static final int MAX_FAILURES = SignInThrottle.MAX_FAILURES;
    static final String ISSUER = "Zhibu";

    private final AccountRepository repo;
    private final PasswordEncoder encoder;
    private final OrgService orgs;
    private final MemberService members;
    private final AuditLog audit;
    private final Hmacs hmacs;
    private final FieldCipher cipher;
    private final AccountsProperties props;
    private final SignInThrottle throttle;
    private final Clock clock;
    private final Duration tokenLifetime;
    private final Duration tokenIdle;
    private final SecureRandom random = new SecureRandom();
    private final org.springframework.transaction.support.TransactionOperations transactions;

    public AccountService(AccountRepository repo, PasswordEncoder encoder, OrgService orgs, MemberService members,
                          AuditLog audit, Hmacs hmacs, FieldCipher cipher, AccountsProperties props, Clock clock,
                          @Value("${zhibu.security.lock-duration:15m}") Duration lockFor,
                          @Value("${zhibu.security.token-lifetime:8h}") Duration tokenLifetime,
                          @Value("${zhibu.security.token-idle:30m}") Duration tokenIdle,
                          org.springframework.transaction.support.TransactionOperations transactions) {
        this.repo = repo;
        this.encoder = encoder;
        this.orgs = orgs;
        this.members = members;
        this.audit = audit;
        this.hmacs = hmacs;
        this.cipher = cipher;
        this.props = props;
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
        this.tokenIdle = tokenIdle;
        this.transactions = transactions;
        this.throttle = new SignInThrottle(props.failuresPerIp(), props.failuresPerLogin(), props.throttleWindow(),
                lockFor, clock);
    }

    public sealed interface SignIn {
    }

    /** A verified sign-in; {@code mfaEnrolled} rides along so that {@code GET /api/v1/me} needs no database read. */
    public record SignedIn(DataScope scope, String displayName, Restriction restriction, boolean mfaEnrolled)
            implements SignIn {
        public SignedIn(DataScope scope, String displayName, Restriction restriction) {
            this(scope, displayName, restriction, false);
        }
    }

    /** The password was right; a second-factor code must follow ({@link #completeSecondFactor}). */
    public record MfaRequired(long userId, String mfaToken) implements SignIn {
    }

    public record Refused(String reasonCode) implements SignIn {
    }

    SignInThrottle throttle() {
        return throttle;
    }

    /**
     * Verifies a login name (or mobile number) and password. Unknown, unactivated, disabled and locked accounts get
     * the same answer after the same work (one hash comparison) as a wrong password. Audited either way; a spent
     * failure budget answers 429 before anything else.
     * <p>Deliberately outside a transaction: a refused attempt (429) touches neither the database nor the hash, and
     * the password hash is computed without holding a pooled connection — each read and write commits on its own (the
     * audit record in its own transaction), so a burst of bad sign-ins cannot drain the connection pool that every
     * other request needs.
     */
    public SignIn authenticate(String login, String password) {
        String ip = RateLimits.clientIp();
        throttle.checkAllowed(ip, login);
        String shown = shorten(login == null ? "?" : login.strip());
        AccountUserRecord u = find(login).orElse(null);
        boolean tooLong = password != null && password.getBytes(StandardCharsets.UTF_8).length > 72;
        String why = null;
        if (u == null) {
            why = "unknown user";
        } else if (!u.getEnabled()) {
            why = "disabled";
        } else if (u.getPasswordHash() == null) {
            why = "not activated";
        } else if (u.getLockedUntil() != null && u.getLockedUntil().isAfter(now())) {
            why = "account locked";
        } else if (throttle.locked(u.getId(), ip)) {
            why = "account locked after failures";
        } else if (tooLong) {
            why = "password too long";
        }
        if (why != null) {
            // Same work and answer as a wrong password, so login names cannot be probed.
            String given = password == null || tooLong ? "" : password;
            throttle.hashing(() -> encoder.matches(given, DUMMY_HASH));
            throttle.failed(ip, login, null);
            audit.forUser(u == null ? shown : u.getUsername(), u == null ? null : u.getRole().name(), null, "auth.login", why,
                    u != null && why.contains("locked") ? AuditOutcome.DENIED : AuditOutcome.FAILURE);
            return new Refused("auth.badCredentials");
        }
        String stored = u.getPasswordHash();
        if (password == null || !throttle.hashing(() -> encoder.matches(password, stored))) {
            boolean locked = throttle.failed(ip, login, u.getId());
            repo.recordFailure(u.getId());
            audit.forUser(u.getUsername(), u.getRole().name(), null, "auth.login",
                    locked ? "wrong password, account locked" : "wrong password (" + throttle.failures(u.getId(), ip) + ")",
                    AuditOutcome.FAILURE);
            return new Refused("auth.badCredentials");
        }
        throttle.succeeded(u.getId(), ip, login, u.getUsername());
        Role role = u.getRole();
        if (props.mfaRoles().contains(role) && u.getMfaEnrolledAt() != null) {
            String token = randomToken();
            repo.insertChallenge(Sha256.hex(token), u.getId(), now().plusMinutes(5));
            audit.forUser(u.getUsername(), u.getRole().name(), null, "auth.login", "password ok, second factor required",
                    AuditOutcome.SUCCESS);
            return new MfaRequired(u.getId(), token);
        }
        return signedIn(u, "auth.login", null);
    }

    private SignedIn signedIn(AccountUserRecord u, String action, String detail) {
        repo.recordSuccess(u.getId(), now());
        DataScope scope = scopeOf(u);
        audit.forUser(u.getUsername(), u.getRole().name(), scope.orgPath(), action, detail, AuditOutcome.SUCCESS);
        return new SignedIn(scope, u.getDisplayName(), restrictionOf(u));
    }

    /** The second step: a TOTP code (or an unused recovery code) for a pending challenge. */
    @Transactional(noRollbackFor = RuntimeException.class)
    public SignIn completeSecondFactor(String mfaToken, String code) {
        if (mfaToken == null || mfaToken.length() > 100) {
            return new Refused("auth.mfa.bad");
        }
        Optional<Long> user = repo.challengeUser(Sha256.hex(mfaToken), now());
        if (user.isEmpty()) {
            audit.forUser("?", null, null, "auth.mfa", "unknown or expired challenge", AuditOutcome.FAILURE);
            return new Refused("auth.mfa.bad");
        }
        SignIn result = verifySecondFactor(user.get(), code);
        if (result instanceof SignedIn) {
            repo.deleteChallenge(Sha256.hex(mfaToken));
        }
        return result;
    }

    /** Checks a second-factor code of an account whose password was right (pages keep the account in the session). */
    @Transactional(noRollbackFor = RuntimeException.class)
    public SignIn verifySecondFactor(long userId, String code) {
        AccountUserRecord u = repo.findById(userId).filter(AccountUserRecord::getEnabled).orElse(null);
        if (u == null || u.getMfaSecret() == null || u.getMfaEnrolledAt() == null) {
            return new Refused("auth.mfa.bad");
        }
        if (throttle.locked(u.getId(), RateLimits.clientIp())) {
            audit.forUser(u.getUsername(), u.getRole().name(), null, "auth.mfa", "locked after failures", AuditOutcome.DENIED);
            return new Refused("auth.mfa.bad");
        }
        boolean ok = totpAccepted(u, code);
        String via = "totp";
        if (!ok && code != null && code.strip().length() <= 40) {
            ok = repo.useRecoveryCode(userId, keyed("account.recovery", userId, normalizeCode(code)), now());
            via = "recovery code";
        }
        if (!ok) {
            throttle.charge(RateLimits.clientIp(), u.getUsername());
            throttle.failed(RateLimits.clientIp(), u.getUsername(), u.getId());
            audit.forUser(u.getUsername(), u.getRole().name(), null, "auth.mfa", "wrong code", AuditOutcome.FAILURE);
            return new Refused("auth.mfa.bad");
        }
        return signedIn(u, "auth.mfa", via);
    }

    /** Issues an API token for a signed-in user; only its SHA-256 is stored. */
    @Transactional
    public String issueToken(DataScope scope) {
        String token = randomToken();
        OffsetDateTime now = now();
        repo.insertToken(Sha256.hex(token), scope.userId(), now, now.plus(tokenLifetime));
        return token;
    }

    /** The user behind a bearer token, if the token is valid, unexpired and not idle too long. */
    @Transactional
    public Optional<SignedIn> resolveToken(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        OffsetDateTime now = now();
        return repo.findLiveToken(Sha256.hex(token), now, now.minus(tokenIdle)).flatMap(live -> {
            // The idle clock needs minute precision only: skip the write on most requests.
            if (live.lastUsedAt().isBefore(now.minusMinutes(1))) {
                repo.touchToken(Sha256.hex(token), now);
            }
            return repo.findById(live.userId()).filter(AccountUserRecord::getEnabled)
                    .filter(u -> u.getPasswordHash() != null)
                    .map(u -> new SignedIn(scopeOf(u), u.getDisplayName(), restrictionOf(u), u.getMfaEnrolledAt() != null));
        });
    }

    /** The current state of a signed-in account (pages re-check it, e.g. after a password change). */
    @Transactional(readOnly = true)
    public Optional<SignedIn> current(long userId) {
        return repo.findById(userId).filter(AccountUserRecord::getEnabled)
                .map(u -> new SignedIn(scopeOf(u), u.getDisplayName(), restrictionOf(u)));
    }

    @Transactional
    public void revokeToken(String token) {
        if (token != null) {
            repo.deleteToken(Sha256.hex(token));
        }
    }

    /** Creates an account with a password (demo seeding); a member's account, if it exists, is taken over. */
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
        String hash = encoder.encode(rawPassword);
        OffsetDateTime now = now();
        Optional<AccountUserRecord> own = memberId == null ? Optional.empty() : repo.findByMember(memberId);
        long id;
        if (own.isPresent()) {
            id = own.get().getId();
            repo.update(id, Map.of(io.zhibu.db.Tables.ACCOUNT_USER.USERNAME, username,
                    io.zhibu.db.Tables.ACCOUNT_USER.DISPLAY_NAME, displayName,
                    io.zhibu.db.Tables.ACCOUNT_USER.ROLE, role.name()));
            repo.setPassword(id, hash, now);
        } else {
            String path = scopeOrgId == null ? null : orgs.scopeRootFor(scopeOrgId).map(Organization::path).orElse(null);
            id = repo.insertUser(username, displayName, null, role, scopeOrgId, memberId, path, now);
            repo.setPassword(id, hash, now);
        }
        audit.success("account.create", "account", username, null, role + " scopeOrg=" + scopeOrgId);
        return id;
    }

    @Transactional(readOnly = true)
    public boolean exists(String username) {
        return repo.findByUsername(username).isPresent();
    }

    // --- passwords -----------------------------------------------------------------------------------------------

    /** Changes the caller's own password: the current one must be right, the new one pass the policy. */
    @Transactional(noRollbackFor = io.zhibu.shared.ForbiddenException.class)
    public void changePassword(DataScope scope, String currentPassword, String newPassword) {
        AccountUserRecord u = repo.findById(scope.userId()).orElseThrow(() -> new io.zhibu.shared.ForbiddenException("no account"));
        if (currentPassword == null || currentPassword.isEmpty()) {
            throw InvalidInputException.of("currentPassword", "validation.required");
        }
        if (u.getPasswordHash() == null || currentPassword.length() > 128
                || !encoder.matches(currentPassword, u.getPasswordHash())) {
            audit.failure(u.getUsername(), "account.password.change", "account", u.getUsername(), "wrong current password",
                    AuditOutcome.FAILURE);
            throw InvalidInputException.of("currentPassword", "account.password.currentWrong");
        }
        setNewPassword(u, newPassword, "newPassword");
        audit.success("account.password.change", "account", u.getUsername(), u.getOrgPath(), null);
    }

    private void setNewPassword(AccountUserRecord u, String newPassword, String field) {
        checkNotMobile(u, null, newPassword);
        List<String> last = repo.lastPasswords(u.getId(), PasswordPolicy.HISTORY);
        PasswordPolicy.check(newPassword, field, personal(u),
                p -> last.stream().anyMatch(h -> encoder.matches(p, h))
                        || (u.getPasswordHash() != null && encoder.matches(p, u.getPasswordHash())));
        repo.setPassword(u.getId(), encoder.encode(newPassword), now());
    }

    private List<String> personal(AccountUserRecord u) {
        List<String> l = new ArrayList<>();
        l.add(u.getUsername());
        return l;
    }

    /** Checks the mobile-number rule: the new password may not contain the mobile the member signs in with. */
    private void checkNotMobile(AccountUserRecord u, String login, String newPassword) {
        if (u.getPhoneBidx() == null || newPassword == null) {
            return;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("1[3-9]\\d{9}").matcher(newPassword);
        while (m.find()) {
            if (u.getPhoneBidx().equals(hmacs.blindIndex("member.phone", m.group(), 64))) {
                throw InvalidInputException.of("newPassword", "account.password.personal");
            }
        }
    }

    // --- activation ----------------------------------------------------------------------------------------------

    /**
     * Activates an account with a one-time code: sets the first password (policy applies) and signs in. Wrong codes
     * count as failed sign-ins (same budgets), and the answer never says whether the login name exists.
     */
    public SignIn activate(String login, String code, String newPassword) {
        // like authenticate: throttled, looked up and refused without a transaction; only a right code opens one
        String ip = RateLimits.clientIp();
        throttle.checkAllowed(ip, login);
        AccountUserRecord u = find(login).filter(AccountUserRecord::getEnabled).orElse(null);
        String normalized = normalizeCode(code);
        String hash = u == null || normalized.isEmpty() || normalized.length() > 40 ? null
                : keyed("account.activation", u.getId(), normalized);
        if (hash == null || !repo.activationOpen(u.getId(), hash, now())) {
            throttle.hashing(() -> encoder.matches("activation", DUMMY_HASH));
            throttle.failed(ip, login, null);
            audit.forUser(u == null ? shorten(login == null ? "?" : login) : u.getUsername(), u == null ? null : u.getRole().name(),
                    null, "account.activate", "wrong or expired code", AuditOutcome.FAILURE);
            return new Refused("account.activation.bad");
        }
        return transactions.execute(status -> activateWith(u, hash, ip, login, newPassword));
    }

    private SignIn activateWith(AccountUserRecord u, String hash, String ip, String login, String newPassword) {
        // the policy first (a refused password leaves the code usable), then the code is spent
        setNewPassword(u, newPassword, "newPassword");
        if (!repo.useActivation(u.getId(), hash, now())) {
            throw new io.zhibu.shared.ConflictException("error.concurrentChange");
        }
        java.util.Map<org.jooq.Field<?>, Object> unlock = new java.util.HashMap<>();
        unlock.put(io.zhibu.db.Tables.ACCOUNT_USER.LOCKED_UNTIL, null);
        repo.update(u.getId(), unlock);
        throttle.clear(u.getId());
        throttle.succeeded(u.getId(), ip, login, u.getUsername());
        audit.forUser(u.getUsername(), u.getRole().name(), u.getOrgPath(), "account.activate", null, AuditOutcome.SUCCESS);
        AccountUserRecord fresh = repo.findById(u.getId()).orElseThrow();
        return signedIn(fresh, "auth.login", "after activation");
    }

    /** A new one-time activation code: 10 characters without look-alikes, shown as XXXXX-XXXXX. */
    String newActivationCode() {
        String alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                sb.append('-');
            }
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    String activationHash(long userId, String code) {
        return keyed("account.activation", userId, normalizeCode(code));
    }

    static String normalizeCode(String code) {
        return code == null ? "" : code.strip().replace("-", "").replace(" ", "").toUpperCase(java.util.Locale.ROOT);
    }

    // --- second factor enrolment ---------------------------------------------------------------------------------

    public record Enrolment(String secret, String otpauthUri) {
    }

    /** Starts (or restarts) TOTP enrolment: a new secret, kept encrypted, active once a code confirms it. */
    @Transactional
    public Enrolment startEnrolment(DataScope scope) {
        AccountUserRecord u = repo.findById(scope.userId()).orElseThrow();
        if (u.getMfaEnrolledAt() != null) {
            throw new io.zhibu.shared.ConflictException("account.mfa.alreadyEnrolled");
        }
        String secret = Totp.newSecret();
        repo.update(u.getId(), Map.of(io.zhibu.db.Tables.ACCOUNT_USER.MFA_SECRET, cipher.encrypt(secret)));
        audit.success("account.mfa.start", "account", u.getUsername(), u.getOrgPath(), null);
        return new Enrolment(secret, Totp.uri(secret, ISSUER, u.getUsername()));
    }

    /** Confirms enrolment with a first code; answers the recovery codes (shown once, stored hashed). */
    @Transactional
    public List<String> confirmEnrolment(DataScope scope, String code) {
        AccountUserRecord u = repo.findById(scope.userId()).orElseThrow();
        if (u.getMfaSecret() == null || u.getMfaEnrolledAt() != null) {
            throw InvalidInputException.of("code", "account.mfa.notStarted");
        }
        if (!totpAccepted(u, code)) {
            throw InvalidInputException.of("code", "account.mfa.wrongCode");
        }
        repo.update(u.getId(), Map.of(io.zhibu.db.Tables.ACCOUNT_USER.MFA_ENROLLED_AT, now()));
        List<String> codes = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String c = newActivationCode();
            codes.add(c);
            hashes.add(keyed("account.recovery", u.getId(), normalizeCode(c)));
        }
        repo.replaceRecoveryCodes(u.getId(), hashes);
        audit.success("account.mfa.enrol", "account", u.getUsername(), u.getOrgPath(), null);
        return codes;
    }

    /**
     * Whether a TOTP code is right for the account and not a replay: its time step must be later than the last one
     * accepted (stored atomically, so two uses of one code — even at once — give one success).
     */
    private boolean totpAccepted(AccountUserRecord u, String code) {
        var step = Totp.acceptedStep(cipher.decrypt(u.getMfaSecret()), code, clock, u.getMfaLastStep());
        return step.isPresent() && repo.useTotpStep(u.getId(), step.getAsLong());
    }

    @Transactional(readOnly = true)
    public boolean mfaEnrolled(long userId) {
        return repo.findById(userId).map(u -> u.getMfaEnrolledAt() != null).orElse(false);
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /** The account of a login name: the user name (member code, staff name) or the member's mobile number. */
    Optional<AccountUserRecord> find(String login) {
        if (login == null) {
            return Optional.empty();
        }
        String l = login.strip();
        if (l.isEmpty() || l.length() > 64 || !l.equals(printable(l))) {
            // no login has control characters (nor could the database compare them): unknown
            return Optional.empty();
        }
        Optional<AccountUserRecord> byName = repo.findByUsername(l);
        if (byName.isPresent()) {
            return byName;
        }
        if (l.matches("m\\d{8,}")) {
            return repo.findByUsername(l.toUpperCase(java.util.Locale.ROOT));
        }
        String mobile;
        try {
            mobile = MobilePhone.normalize(l, "login");
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
        List<AccountUserRecord> byPhone = repo.findByPhoneIndex(hmacs.blindIndex("member.phone", mobile, 64));
        return byPhone.size() == 1 ? Optional.of(byPhone.getFirst()) : Optional.empty();
    }

    Restriction restrictionOf(AccountUserRecord u) {
        Role role = u.getRole();
        if (props.mfaEnforced() && props.mfaRoles().contains(role) && u.getMfaEnrolledAt() == null) {
            return Restriction.MFA_ENROLL;
        }
        if (passwordExpired(u, role)) {
            return Restriction.PASSWORD_CHANGE;
        }
        return u.getReadOnly() ? Restriction.READ_ONLY : Restriction.NONE;
    }

    boolean passwordExpired(AccountUserRecord u, Role role) {
        Duration max = props.maxPasswordAge(role);
        return u.getPasswordHash() != null && !max.isZero() && !max.isNegative()
                && u.getPasswordChangedAt().plus(max).isBefore(now());
    }

    DataScope scopeOf(AccountUserRecord u) {
        Role role = u.getRole();
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

    String keyed(String purpose, long userId, String value) {
        return hmacs.blindIndex(purpose, userId + ":" + value, 64);
    }

    private String randomToken() {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /** A login name fit for the audit trail: control characters replaced, at most 60 characters. */
    static String shorten(String s) {
        String p = printable(s);
        return p.length() > 60 ? p.substring(0, 60) + "…" : p;
    }

    static String printable(String s) {
        return s.replaceAll("[\\p{Cntrl}\\p{Cs}]", "?");
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** A valid hash of a random password, compared against for unknown users. */
    private static final String DUMMY_HASH = "{bcrypt}$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z5pzUGtPx.kG4bTEZ2rHN1sS";
}
