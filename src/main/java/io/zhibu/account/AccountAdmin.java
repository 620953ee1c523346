package io.zhibu.account;

import static io.zhibu.db.Tables.ACCOUNT_USER;

import io.zhibu.account.internal.AccountRepository;
import io.zhibu.audit.AuditLog;
import io.zhibu.db.tables.records.AccountUserRecord;
import io.zhibu.org.OrgService;
import io.zhibu.org.OrgType;
import io.zhibu.org.Organization;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.Page;
import io.zhibu.shared.Role;
import io.zhibu.shared.TextInput;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The security administrator's account management (issue 15 §4): search, staff accounts with a role and an org
 * scope, lock/unlock, disable/enable, reset with a new activation code, ending sessions. Branch secretaries may
 * issue activation codes for their own branch's members. Nobody else — in particular not the platform administrator
 * (roles and scopes are never edited by the platform administrator alone) — may use any of it.
 */
@Service
public class AccountAdmin {
    /** Who manages accounts: the security administrator; secretaries only issue codes for their branch's members. */
    private static final Set<Role> MANAGERS = EnumSet.of(Role.SECURITY_ADMIN);
    private static final Set<Role> CODE_ISSUERS = EnumSet.of(Role.SECURITY_ADMIN, Role.BRANCH_SECRETARY);
    /** Roles the security administrator may give a staff account. */
    public static final Set<Role> STAFF_ROLES = EnumSet.of(Role.ORG_STAFF, Role.BRANCH_SECRETARY, Role.AUDITOR,
            Role.SECURITY_ADMIN, Role.ADMIN);

    private final AccountRepository repo;
    private final AccountService accounts;
    private final OrgService orgs;
    private final AuditLog audit;
    private final AccountsProperties props;
    private final SmsSender sms;

    public AccountAdmin(AccountRepository repo, AccountService accounts, OrgService orgs, AuditLog audit,
                        AccountsProperties props, SmsSender sms) {
        this.repo = repo;
        this.accounts = accounts;
        this.orgs = orgs;
        this.audit = audit;
        this.props = props;
        this.sms = sms;
    }

    public record StaffForm(String username, String displayName, Role role, Long scopeOrgId) {
    }

    public record Created(long id, String login, String activationCode) {
    }

    @Transactional(readOnly = true)
    public Page<AccountSummary> search(DataScope scope, String q, Long orgId, AccountStatus status, Integer page,
                                       Integer size) {
        requireIssuer(scope);
        Condition c = visible(scope);
        if (orgId != null) {
            c = c.and(ACCOUNT_USER.ORG_PATH.startsWith(orgPathInScope(scope, orgId)));
        }
        String query = q == null ? "" : TextInput.optional(q, "q", 64);
        query = query == null ? "" : query;
        if (!query.isEmpty()) {
            String like = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            c = c.and(ACCOUNT_USER.USERNAME.likeIgnoreCase(like, '\\').or(ACCOUNT_USER.DISPLAY_NAME.like(like, '\\')));
        }
        if (status != null) {
            c = c.and(statusCondition(status));
        }
        int p = Page.clampPage(page);
        int s = Page.clampSize(size);
        List<AccountUserRecord> rows = repo.page(c, p, s);
        return new Page<>(summaries(rows), p, s, repo.count(c));
    }

    @Transactional(readOnly = true)
    public AccountSummary get(DataScope scope, long id) {
        requireIssuer(scope);
        return summaries(List.of(load(scope, id))).getFirst();
    }

    private List<AccountSummary> summaries(List<AccountUserRecord> rows) {
        OffsetDateTime now = accounts.now();
        Map<Long, String> orgNames = orgs.namesOf(rows.stream().map(AccountUserRecord::getOrgId)
                .filter(java.util.Objects::nonNull).distinct().toList());
        Map<Long, Integer> sessions = rows.isEmpty() ? Map.of()
                : repo.liveSessions(rows.stream().map(AccountUserRecord::getId).toList(), now, now.minusMinutes(30));
        return rows.stream().map(r -> new AccountSummary(r.getId(), r.getUsername(), r.getDisplayName(), r.getRole(),
                r.getOrgId(), r.getOrgId() == null ? null : orgNames.get(r.getOrgId()), status(r, now),
                r.getMemberId() != null, r.getReadOnly(), r.getMfaEnrolledAt() != null, r.getLastLoginAt(),
                sessions.getOrDefault(r.getId(), 0))).toList();
    }

    AccountStatus status(AccountUserRecord r, OffsetDateTime now) {
        if (!r.getEnabled()) {
            return AccountStatus.DISABLED;
        }
        if (r.getPasswordHash() == null) {
            return AccountStatus.UNACTIVATED;
        }
        if (r.getLockedUntil() != null && r.getLockedUntil().isAfter(now)) {
            return AccountStatus.LOCKED;
        }
        if (accounts.passwordExpired(r, r.getRole())) {
            return AccountStatus.EXPIRED;
        }
        return AccountStatus.ACTIVE;
    }

    private Condition statusCondition(AccountStatus s) {
        OffsetDateTime now = accounts.now();
        Condition enabled = ACCOUNT_USER.ENABLED.isTrue();
        Condition activated = ACCOUNT_USER.PASSWORD_HASH.isNotNull();
        Condition locked = ACCOUNT_USER.LOCKED_UNTIL.gt(now);
        Condition expired = DSL.noCondition().and(DSL.falseCondition());
        for (Role role : Role.values()) {
            Duration max = props.maxPasswordAge(role);
            if (!max.isZero() && !max.isNegative()) {
                expired = expired.or(ACCOUNT_USER.ROLE.eq(role).and(ACCOUNT_USER.PASSWORD_CHANGED_AT.lt(now.minus(max))));
            }
        }
        return switch (s) {
            case DISABLED -> ACCOUNT_USER.ENABLED.isFalse();
            case UNACTIVATED -> enabled.and(ACCOUNT_USER.PASSWORD_HASH.isNull());
            case LOCKED -> enabled.and(activated).and(locked);
            case EXPIRED -> enabled.and(activated).and(DSL.not(locked).or(ACCOUNT_USER.LOCKED_UNTIL.isNull())).and(expired);
            case ACTIVE -> enabled.and(activated).and(ACCOUNT_USER.LOCKED_UNTIL.isNull().or(DSL.not(locked)))
                    .and(DSL.not(expired));
        };
    }

    // --- staff accounts ------------------------------------------------------------------------------------------

    /** A staff account with a role and an org scope (a subtree); starts unactivated with a one-time code. */
    @Transactional
    public Created createStaff(DataScope scope, StaffForm f) {
        requireManager(scope);
        String username = f.username() == null ? null : f.username().strip();
        if (username == null || username.isEmpty()) {
            throw InvalidInputException.of("username", "validation.required");
        }
        if (!username.matches("[A-Za-z][A-Za-z0-9_.-]{2,63}") || username.matches("(?i)m\\d{8,}")) {
            throw InvalidInputException.of("username", "account.username.format");
        }
        if (repo.findByUsername(username).isPresent()) {
            throw InvalidInputException.of("username", "account.username.taken");
        }
        String name = TextInput.required(f.displayName(), "displayName", 64);
        Organization org = checkRoleAndScope(scope, f.role(), f.scopeOrgId());
        long id = repo.insertUser(username, name, null, f.role(), org == null ? null : org.id(), null,
                org == null ? null : org.path(), accounts.now());
        audit.success("account.create", "account", username, org == null ? null : org.path(),
                f.role() + (org == null ? "" : " scope=" + org.name()));
        IssuedCode code = issue(scope, List.of(repo.findById(id).orElseThrow())).getFirst();
        return new Created(id, username, code.activationCode());
    }

    /** Assigns a staff account's role and scope. */
    @Transactional
    public AccountSummary assignRole(DataScope scope, long id, Role role, Long scopeOrgId) {
        requireManager(scope);
        AccountUserRecord a = load(scope, id);
        if (a.getMemberId() != null) {
            throw InvalidInputException.of("role", "account.role.memberAccount");
        }
        if (a.getId() == scope.userId()) {
            throw InvalidInputException.of("role", "account.role.self");
        }
        Organization org = checkRoleAndScope(scope, role, scopeOrgId);
        Map<Field<?>, Object> set = new LinkedHashMap<>();
        set.put(ACCOUNT_USER.ROLE, role.name());
        set.put(ACCOUNT_USER.SCOPE_ORG_ID, org == null ? null : org.id());
        set.put(ACCOUNT_USER.ORG_ID, org == null ? null : org.id());
        set.put(ACCOUNT_USER.ORG_PATH, org == null ? null : org.path());
        repo.update(id, set);
        repo.deleteTokensOf(id);
        audit.success("account.role", "account", a.getUsername(), org == null ? null : org.path(),
                a.getRole() + "->" + role + (org == null ? "" : " scope=" + org.name()));
        return get(scope, id);
    }

    private Organization checkRoleAndScope(DataScope scope, Role role, Long scopeOrgId) {
        if (role == null) {
            throw InvalidInputException.of("role", "validation.required");
        }
        if (!STAFF_ROLES.contains(role)) {
            throw InvalidInputException.of("role", "account.role.notStaff");
        }
        boolean scoped = role == Role.ORG_STAFF || role == Role.BRANCH_SECRETARY;
        if (!scoped) {
            if (scopeOrgId != null) {
                throw InvalidInputException.of("scopeOrgId", "account.scope.platformWide");
            }
            if (!scope.orgPath().equals(OrgPath.ROOT)) {
                throw InvalidInputException.of("role", "account.role.outOfScope");
            }
            return null;
        }
        if (scopeOrgId == null) {
            throw InvalidInputException.of("scopeOrgId", "validation.required");
        }
        Organization org = orgs.scopeRootFor(scopeOrgId).filter(o -> scope.covers(o.path()))
                .orElseThrow(() -> InvalidInputException.of("scopeOrgId", "account.scope.unknown"));
        if (role == Role.BRANCH_SECRETARY && !org.type().holdsMembers()) {
            throw InvalidInputException.of("scopeOrgId", "account.scope.notABranch");
        }
        return org;
    }

    /** Organizations to pick a scope from: id, name and type only (the security administrator reads no roster). */
    @Transactional(readOnly = true)
    public List<Organization> orgChoices(DataScope scope, String q) {
        requireManager(scope);
        DataScope lookup = new DataScope(scope.userId(), scope.username(), Role.ORG_STAFF, scope.scopeOrgId(),
                scope.orgPath(), scope.regionOrgId(), null);
        return orgs.search(lookup, TextInput.optional(q, "q", 64), EnumSet.allOf(OrgType.class), 20);
    }

    // --- state changes -------------------------------------------------------------------------------------------

    @Transactional
    public AccountSummary lock(DataScope scope, long id, boolean locked) {
        requireManager(scope);
        AccountUserRecord a = load(scope, id);
        requireNotSelf(scope, a);
        Map<Field<?>, Object> set = new LinkedHashMap<>();
        set.put(ACCOUNT_USER.LOCKED_UNTIL, locked ? accounts.now().plusYears(100) : null);
        repo.update(id, set);
        if (locked) {
            repo.deleteTokensOf(id);
        } else {
            accounts.throttle().clear(id);
            repo.update(id, Map.of(ACCOUNT_USER.FAILED_LOGINS, 0));
        }
        audit.success(locked ? "account.lock" : "account.unlock", "account", a.getUsername(), a.getOrgPath(), null);
        return get(scope, id);
    }

    @Transactional
    public AccountSummary enable(DataScope scope, long id, boolean enabled) {
        requireManager(scope);
        AccountUserRecord a = load(scope, id);
        requireNotSelf(scope, a);
        if (enabled && "EXITED".equals(a.getDisabledReason())) {
            throw new io.zhibu.shared.ConflictException("account.enable.exited");
        }
        Map<Field<?>, Object> set = new LinkedHashMap<>();
        set.put(ACCOUNT_USER.ENABLED, enabled);
        set.put(ACCOUNT_USER.DISABLED_REASON, enabled ? null : "ADMIN");
        repo.update(id, set);
        if (!enabled) {
            repo.deleteTokensOf(id);
        }
        audit.success(enabled ? "account.enable" : "account.disable", "account", a.getUsername(), a.getOrgPath(), null);
        return get(scope, id);
    }

    /** Ends every session (API token) of the account. */
    @Transactional
    public int revokeSessions(DataScope scope, long id) {
        requireManager(scope);
        AccountUserRecord a = load(scope, id);
        int n = repo.deleteTokensOf(id);
        audit.success("account.sessions.revoke", "account", a.getUsername(), a.getOrgPath(), n + " sessions");
        return n;
    }

    // --- activation codes ----------------------------------------------------------------------------------------

    /**
     * A new one-time code for one account. For an activated account this is a reset: the password is cleared and
     * its sessions end, so only the code's holder can set a new one. {@code bySms}: also sent to the member's mobile.
     */
    @Transactional
    public IssuedCode issueCode(DataScope scope, long id, boolean bySms) {
        requireIssuer(scope);
        AccountUserRecord a = load(scope, id);
        if (!a.getEnabled()) {
            throw new io.zhibu.shared.ConflictException("account.code.disabled");
        }
        requireNotSelf(scope, a);
        if (a.getPasswordHash() != null) {
            Map<Field<?>, Object> set = new LinkedHashMap<>();
            set.put(ACCOUNT_USER.PASSWORD_HASH, null);
            set.put(ACCOUNT_USER.MFA_SECRET, null);
            set.put(ACCOUNT_USER.MFA_ENROLLED_AT, null);
            repo.update(id, set);
            repo.deleteTokensOf(id);
            audit.success("account.reset", "account", a.getUsername(), a.getOrgPath(), null);
        }
        IssuedCode code = issue(scope, List.of(a)).getFirst();
        if (bySms) {
            if (a.getMemberId() == null) {
                throw InvalidInputException.of("sms", "account.code.noMobile");
            }
            sms.send(a.getMemberId(), "支部激活码 " + code.activationCode() + "，登录名 " + a.getUsername());
        }
        return code;
    }

    /** Codes for every unactivated member account of a branch (the slip sheet). */
    @Transactional
    public List<IssuedCode> issueBranchCodes(DataScope scope, long orgId) {
        requireIssuer(scope);
        String path = orgPathInScope(scope, orgId);
        List<AccountUserRecord> rows = repo.page(ACCOUNT_USER.ORG_ID.eq(orgId).and(ACCOUNT_USER.ORG_PATH.eq(path))
                .and(ACCOUNT_USER.MEMBER_ID.isNotNull()).and(ACCOUNT_USER.ENABLED.isTrue())
                .and(ACCOUNT_USER.PASSWORD_HASH.isNull()), 0, 5000);
        List<IssuedCode> codes = issue(scope, rows);
        audit.success("account.codes.branch", "org", orgId, path, codes.size() + " codes");
        return codes;
    }

    private List<IssuedCode> issue(DataScope scope, List<AccountUserRecord> rows) {
        OffsetDateTime now = accounts.now();
        OffsetDateTime expires = now.plus(props.activationCodeTtl());
        List<IssuedCode> out = new ArrayList<>(rows.size());
        List<Long> ids = new ArrayList<>(rows.size());
        List<String> hashes = new ArrayList<>(rows.size());
        for (AccountUserRecord r : rows) {
            String code = accounts.newActivationCode();
            ids.add(r.getId());
            hashes.add(accounts.activationHash(r.getId(), code));
            out.add(new IssuedCode(r.getId(), r.getDisplayName(), r.getUsername(), code, expires));
        }
        repo.insertActivations(ids, hashes, now, expires, scope.username());
        if (rows.size() == 1) {
            audit.success("account.code", "account", rows.getFirst().getUsername(), rows.getFirst().getOrgPath(),
                    "expires " + expires.toLocalDate());
        }
        return out;
    }

    // --- scope ---------------------------------------------------------------------------------------------------

    private Condition visible(DataScope scope) {
        if (scope.role() == Role.BRANCH_SECRETARY) {
            // a secretary sees the member accounts of their branch, nothing else
            return ACCOUNT_USER.MEMBER_ID.isNotNull().and(ACCOUNT_USER.ORG_PATH.startsWith(scope.orgPath()));
        }
        if (scope.orgPath().equals(OrgPath.ROOT)) {
            return DSL.noCondition();
        }
        return ACCOUNT_USER.ORG_PATH.startsWith(scope.orgPath());
    }

    private AccountUserRecord load(DataScope scope, long id) {
        return repo.page(ACCOUNT_USER.ID.eq(id).and(visible(scope)), 0, 1).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("account", id));
    }

    private String orgPathInScope(DataScope scope, long orgId) {
        return orgs.scopeRootFor(orgId).map(Organization::path).filter(scope::covers)
                .orElseThrow(() -> new NotFoundException("organization", orgId));
    }

    private static void requireManager(DataScope scope) {
        if (!MANAGERS.contains(scope.role())) {
            throw new ForbiddenException("account management is for the security administrator");
        }
    }

    private static void requireIssuer(DataScope scope) {
        if (!CODE_ISSUERS.contains(scope.role())) {
            throw new ForbiddenException("activation codes are for the security administrator and secretaries");
        }
    }

    private static void requireNotSelf(DataScope scope, AccountUserRecord a) {
        if (a.getId() == scope.userId()) {
            throw new ForbiddenException("not on one's own account");
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    static String joined(List<String> l) {
        return l.stream().collect(Collectors.joining(","));
    }
}
