package io.zhibu.account.internal;

import static io.zhibu.db.Tables.ACCOUNT_USER;

import io.zhibu.audit.AuditLog;
import io.zhibu.db.tables.records.AccountUserRecord;
import io.zhibu.member.MemberDirectory;
import io.zhibu.member.MemberEvents;
import io.zhibu.org.OrgEvents;
import io.zhibu.shared.Role;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Field;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every member has an account, created with the member (issue 15 §1): the member module's events arrive
 * synchronously inside the registering transaction (registration, roster import, approval into probation,
 * transfer-in all register members), so the account commits or rolls back with the member. Accounts start
 * unactivated (no password hash); they are written set-based — one COPY/batch per thousand members.
 * Exit, death and cancelled probation disable the account (and end its sessions); 停止党籍 makes it read-only;
 * a completed transfer or an org move changes the stored branch, the scope itself follows the roster at sign-in.
 */
@Component
public class AccountProvisioning {
    static final int CHUNK = 2000;

    private final AccountRepository repo;
    private final MemberDirectory directory;
    private final AuditLog audit;
    private final Clock clock;

    public AccountProvisioning(AccountRepository repo, MemberDirectory directory, AuditLog audit, Clock clock) {
        this.repo = repo;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** The generated login name of a member's account: M + the member number, 8 digits at least (unique). */
    public static String memberCode(long memberId) {
        return String.format("M%08d", memberId);
    }

    @EventListener
    void on(MemberEvents.Registered e) {
        provision(e.members().stream().map(MemberEvents.MemberFacts::memberId).toList());
    }

    /** Creates the missing accounts of these members; answers how many were created. */
    @Transactional
    public int provision(List<Long> memberIds) {
        int created = 0;
        for (int from = 0; from < memberIds.size(); from += CHUNK) {
            List<Long> chunk = memberIds.subList(from, Math.min(memberIds.size(), from + CHUNK));
            created += provisionChunk(chunk);
        }
        return created;
    }

    private int provisionChunk(List<Long> ids) {
        Set<Long> existing = repo.membersWithAccounts(ids);
        List<MemberDirectory.AccountFacts> facts = directory.accountFacts(
                existing.isEmpty() ? ids : ids.stream().filter(id -> !existing.contains(id)).toList());
        if (facts.isEmpty()) {
            return 0;
        }
        Set<String> phones = new HashSet<>();
        facts.forEach(f -> {
            if (f.phoneIndex() != null) {
                phones.add(f.phoneIndex());
            }
        });
        // a mobile number is a login only while it is unique; shared numbers sign in with the member code
        Set<String> taken = new HashSet<>(repo.phoneIndexesTaken(phones));
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        List<Object[]> rows = new ArrayList<>(facts.size());
        for (MemberDirectory.AccountFacts f : facts) {
            String phone = f.phoneIndex() != null && taken.add(f.phoneIndex()) ? f.phoneIndex() : null;
            rows.add(new Object[] {memberCode(f.memberId()), f.name(), Role.MEMBER.name(), f.memberId(), f.orgId(),
                    f.orgPath(), phone, !f.exited(), f.suspended(), f.exited() ? "EXITED" : null, 0, now, now});
        }
        repo.insertMemberAccounts(rows);
        return rows.size();
    }

    /**
     * Gives every member without an account one (members registered before accounts existed, e.g. an upgraded
     * database); set-based like registration. Answers the accounts created.
     */
    @Transactional
    public int provisionAll() {
        List<Long> ids = directory.allIds();
        if (ids.size() == repo.countMemberAccounts()) {
            return 0;
        }
        return provision(ids);
    }

    @EventListener
    void on(MemberEvents.Updated e) {
        long memberId = e.member().memberId();
        List<MemberDirectory.AccountFacts> facts = directory.accountFacts(List.of(memberId));
        if (facts.isEmpty()) {
            return;
        }
        MemberDirectory.AccountFacts f = facts.getFirst();
        AccountUserRecord a = repo.findByMember(memberId).orElse(null);
        if (a == null) {
            provision(List.of(memberId));
            return;
        }
        Map<Field<?>, Object> set = new LinkedHashMap<>();
        set.put(ACCOUNT_USER.ORG_ID, f.orgId());
        set.put(ACCOUNT_USER.ORG_PATH, f.orgPath());
        set.put(ACCOUNT_USER.READ_ONLY, f.suspended());
        if (a.getRole() == Role.MEMBER || "POSITION".equals(a.getRoleSource())) {
            set.put(ACCOUNT_USER.DISPLAY_NAME, f.name());
        }
        if (f.exited() && a.getEnabled()) {
            set.put(ACCOUNT_USER.ENABLED, false);
            set.put(ACCOUNT_USER.DISABLED_REASON, "EXITED");
            // audited as the member's lifecycle change that causes it
            repo.deleteTokensOf(a.getId());
        }
        repo.update(a.getId(), set);
    }

    @EventListener
    void on(MemberEvents.Moved e) {
        repo.moveMembers(e.memberIds(), e.orgId(), e.orgPath());
        // a secretary who leaves the branch leaves the position's role behind
        for (Long memberId : e.memberIds()) {
            repo.findByMember(memberId).filter(a -> "POSITION".equals(a.getRoleSource()))
                    .filter(a -> a.getScopeOrgId() == null || a.getScopeOrgId() != e.orgId())
                    .ifPresent(a -> toMember(a, "moved to another branch"));
        }
    }

    /**
     * Staff roles follow positions (issue 15 §3): the secretary and deputy secretary named on a branch's current
     * term get the branch-secretary role for that branch; the holders of the previous term go back to members.
     * A name matches when exactly one active member of the branch has it (else nobody gets the role: audited).
     */
    @EventListener
    void on(OrgEvents.TermOpened e) {
        if (!e.holdsMembers()) {
            return;
        }
        List<Long> holders = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        for (String name : new String[] {e.secretary(), e.deputySecretary()}) {
            if (name == null || name.isBlank()) {
                continue;
            }
            List<Long> ids = directory.idsNamed(e.orgId(), name);
            if (ids.size() == 1) {
                holders.add(ids.getFirst());
            } else {
                unmatched.add(name);
            }
        }
        for (AccountUserRecord a : repo.positionHolders(e.orgId())) {
            if (!holders.contains(a.getMemberId())) {
                toMember(a, "term replaced");
            }
        }
        for (Long memberId : holders) {
            AccountUserRecord a = repo.findByMember(memberId).orElse(null);
            if (a == null || a.getRole() != Role.MEMBER) {
                continue;
            }
            Map<Field<?>, Object> set = new LinkedHashMap<>();
            set.put(ACCOUNT_USER.ROLE, Role.BRANCH_SECRETARY.name());
            set.put(ACCOUNT_USER.SCOPE_ORG_ID, e.orgId());
            set.put(ACCOUNT_USER.ROLE_SOURCE, "POSITION");
            repo.update(a.getId(), set);
            repo.deleteTokensOf(a.getId());
            audit.success("account.role.position", "account", a.getUsername(), e.path(), "BRANCH_SECRETARY");
        }
        // names that match no single member give nobody the role (the term itself is audited by the org module)
    }

    private void toMember(AccountUserRecord a, String why) {
        Map<Field<?>, Object> set = new LinkedHashMap<>();
        set.put(ACCOUNT_USER.ROLE, Role.MEMBER.name());
        set.put(ACCOUNT_USER.SCOPE_ORG_ID, null);
        set.put(ACCOUNT_USER.ROLE_SOURCE, null);
        repo.update(a.getId(), set);
        repo.deleteTokensOf(a.getId());
        audit.success("account.role.position", "account", a.getUsername(), a.getOrgPath(), "MEMBER (" + why + ")");
    }

    @EventListener
    void on(OrgEvents.OrgMoved e) {
        repo.rePath(e.oldPath(), e.newPath());
    }
}
