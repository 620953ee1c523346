package io.zhibu.account.internal;

import static io.zhibu.db.Tables.ACCOUNT_ACTIVATION;
import static io.zhibu.db.Tables.ACCOUNT_MFA_CHALLENGE;
import static io.zhibu.db.Tables.ACCOUNT_PASSWORD_HISTORY;
import static io.zhibu.db.Tables.ACCOUNT_RECOVERY_CODE;
import static io.zhibu.db.Tables.ACCOUNT_TOKEN;
import static io.zhibu.db.Tables.ACCOUNT_USER;

import io.zhibu.db.tables.records.AccountUserRecord;
import io.zhibu.shared.Role;
import io.zhibu.shared.db.BulkInsert;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
public class AccountRepository {
    private final DSLContext db;
    /** Emptied on every write to an account or its tokens (see {@link TokenCache}). */
    private final TokenCache tokens;

    public AccountRepository(DSLContext db, TokenCache tokens) {
        this.db = db;
        this.tokens = tokens;
    }

    public Optional<AccountUserRecord> findByUsername(String username) {
        return db.selectFrom(ACCOUNT_USER).where(ACCOUNT_USER.USERNAME.eq(username)).fetchOptional();
    }

    /** Accounts whose member's mobile has this blind index (login by mobile; ambiguous when more than one). */
    public List<AccountUserRecord> findByPhoneIndex(String bidx) {
        return db.selectFrom(ACCOUNT_USER).where(ACCOUNT_USER.PHONE_BIDX.eq(bidx)).limit(2).fetch();
    }

    public Optional<AccountUserRecord> findById(long id) {
        return db.selectFrom(ACCOUNT_USER).where(ACCOUNT_USER.ID.eq(id)).fetchOptional();
    }

    public Optional<AccountUserRecord> findByMember(long memberId) {
        return db.selectFrom(ACCOUNT_USER).where(ACCOUNT_USER.MEMBER_ID.eq(memberId)).limit(1).fetchOptional();
    }

    public long insertUser(String username, String displayName, String hash, Role role, Long scopeOrgId, Long memberId,
                           String orgPath, OffsetDateTime now) {
        return db.insertInto(ACCOUNT_USER)
                .set(ACCOUNT_USER.USERNAME, username)
                .set(ACCOUNT_USER.DISPLAY_NAME, displayName)
                .set(ACCOUNT_USER.PASSWORD_HASH, hash)
                .set(ACCOUNT_USER.ROLE, role)
                .set(ACCOUNT_USER.SCOPE_ORG_ID, scopeOrgId)
                .set(ACCOUNT_USER.MEMBER_ID, memberId)
                .set(ACCOUNT_USER.ORG_ID, scopeOrgId)
                .set(ACCOUNT_USER.ORG_PATH, orgPath)
                .set(ACCOUNT_USER.ENABLED, true)
                .set(ACCOUNT_USER.FAILED_LOGINS, 0)
                .set(ACCOUNT_USER.PASSWORD_CHANGED_AT, now)
                .set(ACCOUNT_USER.CREATED_AT, now)
                .returningResult(ACCOUNT_USER.ID).fetchOne().value1();
    }

    public void update(long id, Map<Field<?>, Object> set) {
        tokens.invalidateAll();
        db.update(ACCOUNT_USER).set(set).where(ACCOUNT_USER.ID.eq(id)).execute();
    }

    // --- provisioning --------------------------------------------------------------------------------------------

    /** The members among {@code memberIds} that already have an account. */
    public Set<Long> membersWithAccounts(Collection<Long> memberIds) {
        return db.select(ACCOUNT_USER.MEMBER_ID).from(ACCOUNT_USER).where(ACCOUNT_USER.MEMBER_ID.in(memberIds))
                .fetchSet(ACCOUNT_USER.MEMBER_ID);
    }

    /** Which of these phone indexes are already some account's login. */
    public Set<String> phoneIndexesTaken(Collection<String> bidx) {
        return bidx.isEmpty() ? Set.of() : db.select(ACCOUNT_USER.PHONE_BIDX).from(ACCOUNT_USER)
                .where(ACCOUNT_USER.PHONE_BIDX.in(bidx)).fetchSet(ACCOUNT_USER.PHONE_BIDX);
    }

    private static final List<Field<?>> BULK_FIELDS = List.of(ACCOUNT_USER.USERNAME, ACCOUNT_USER.DISPLAY_NAME,
            ACCOUNT_USER.ROLE, ACCOUNT_USER.MEMBER_ID, ACCOUNT_USER.ORG_ID, ACCOUNT_USER.ORG_PATH,
            ACCOUNT_USER.PHONE_BIDX, ACCOUNT_USER.ENABLED, ACCOUNT_USER.READ_ONLY, ACCOUNT_USER.DISABLED_REASON,
            ACCOUNT_USER.FAILED_LOGINS, ACCOUNT_USER.PASSWORD_CHANGED_AT, ACCOUNT_USER.CREATED_AT);

    /** Unactivated member accounts, one COPY (PostgreSQL) or JDBC batch: no password hash, nothing to compute. */
    public void insertMemberAccounts(List<Object[]> rows) {
        BulkInsert.rows(db, ACCOUNT_USER, BULK_FIELDS, rows);
    }

    public int moveMembers(Collection<Long> memberIds, long orgId, String orgPath) {
        tokens.invalidateAll();
        return db.update(ACCOUNT_USER).set(ACCOUNT_USER.ORG_ID, orgId).set(ACCOUNT_USER.ORG_PATH, orgPath)
                .where(ACCOUNT_USER.MEMBER_ID.in(memberIds)).execute();
    }

    /** A subtree moved: re-root the stored paths (members' branches and staff scopes). */
    public int rePath(String oldPath, String newPath) {
        tokens.invalidateAll();
        return db.update(ACCOUNT_USER)
                .set(ACCOUNT_USER.ORG_PATH, DSL.val(newPath).concat(DSL.substring(ACCOUNT_USER.ORG_PATH, oldPath.length() + 1)))
                .where(ACCOUNT_USER.ORG_PATH.startsWith(oldPath)).execute();
    }

    public long countMemberAccounts() {
        return db.fetchCount(ACCOUNT_USER, ACCOUNT_USER.MEMBER_ID.isNotNull());
    }

    /** Deletes the member accounts (benchmark only: to provision them again). */
    public int deleteMemberAccounts() {
        tokens.invalidateAll();
        return db.deleteFrom(ACCOUNT_USER).where(ACCOUNT_USER.ROLE.eq(Role.MEMBER))
                .and(ACCOUNT_USER.PASSWORD_HASH.isNull()).execute();
    }

    // --- positions -----------------------------------------------------------------------------------------------

    /** Accounts holding a role because of a position on {@code orgId}'s committee. */
    public List<AccountUserRecord> positionHolders(long orgId) {
        return db.selectFrom(ACCOUNT_USER).where(ACCOUNT_USER.ROLE_SOURCE.eq("POSITION"))
                .and(ACCOUNT_USER.SCOPE_ORG_ID.eq(orgId)).fetch();
    }

    // --- console -------------------------------------------------------------------------------------------------

    public List<AccountUserRecord> page(Condition c, int page, int size) {
        return db.selectFrom(ACCOUNT_USER).where(c).orderBy(ACCOUNT_USER.ID).limit(size).offset((long) page * size).fetch();
    }

    public long count(Condition c) {
        return db.fetchCount(ACCOUNT_USER, c);
    }

    public Map<Long, Integer> liveSessions(Collection<Long> userIds, OffsetDateTime now, OffsetDateTime idleCutoff) {
        return db.select(ACCOUNT_TOKEN.USER_ID, DSL.count()).from(ACCOUNT_TOKEN)
                .where(ACCOUNT_TOKEN.USER_ID.in(userIds)).and(ACCOUNT_TOKEN.EXPIRES_AT.gt(now))
                .and(ACCOUNT_TOKEN.LAST_USED_AT.gt(idleCutoff)).groupBy(ACCOUNT_TOKEN.USER_ID)
                .fetchMap(r -> r.value1(), r -> r.value2());
    }

    public int deleteTokensOf(long userId) {
        tokens.invalidateAll();
        return db.deleteFrom(ACCOUNT_TOKEN).where(ACCOUNT_TOKEN.USER_ID.eq(userId)).execute();
    }

    public int deleteTokensOfMembers(Collection<Long> memberIds) {
        tokens.invalidateAll();
        return db.deleteFrom(ACCOUNT_TOKEN).where(ACCOUNT_TOKEN.USER_ID.in(
                DSL.select(ACCOUNT_USER.ID).from(ACCOUNT_USER).where(ACCOUNT_USER.MEMBER_ID.in(memberIds)))).execute();
    }

    public boolean anyEnabledWithRole(Role role) {
        return db.fetchExists(ACCOUNT_USER, ACCOUNT_USER.ROLE.eq(role).and(ACCOUNT_USER.ENABLED.isTrue()));
    }

    // --- sign-in -------------------------------------------------------------------------------------------------

    public void recordFailure(long id) {
        db.update(ACCOUNT_USER).set(ACCOUNT_USER.FAILED_LOGINS, ACCOUNT_USER.FAILED_LOGINS.plus(1))
                .where(ACCOUNT_USER.ID.eq(id)).execute();
    }

    public void recordSuccess(long id, OffsetDateTime now) {
        db.update(ACCOUNT_USER).set(ACCOUNT_USER.FAILED_LOGINS, 0).set(ACCOUNT_USER.LAST_LOGIN_AT, now)
                .where(ACCOUNT_USER.ID.eq(id)).execute();
    }

    public void insertToken(String hash, long userId, OffsetDateTime now, OffsetDateTime expires) {
        db.insertInto(ACCOUNT_TOKEN).set(ACCOUNT_TOKEN.TOKEN_HASH, hash).set(ACCOUNT_TOKEN.USER_ID, userId)
                .set(ACCOUNT_TOKEN.CREATED_AT, now).set(ACCOUNT_TOKEN.EXPIRES_AT, expires)
                .set(ACCOUNT_TOKEN.LAST_USED_AT, now).execute();
    }

    public record LiveToken(long userId, OffsetDateTime lastUsedAt) {
    }

    public Optional<LiveToken> findLiveToken(String hash, OffsetDateTime now, OffsetDateTime idleCutoff) {
        return db.select(ACCOUNT_TOKEN.USER_ID, ACCOUNT_TOKEN.LAST_USED_AT).from(ACCOUNT_TOKEN)
                .where(ACCOUNT_TOKEN.TOKEN_HASH.eq(hash))
                .and(ACCOUNT_TOKEN.EXPIRES_AT.gt(now)).and(ACCOUNT_TOKEN.LAST_USED_AT.gt(idleCutoff))
                .fetchOptional(r -> new LiveToken(r.value1(), r.value2()));
    }

    public void touchToken(String hash, OffsetDateTime now) {
        db.update(ACCOUNT_TOKEN).set(ACCOUNT_TOKEN.LAST_USED_AT, now).where(ACCOUNT_TOKEN.TOKEN_HASH.eq(hash)).execute();
    }

    public void deleteToken(String hash) {
        tokens.invalidateAll();
        db.deleteFrom(ACCOUNT_TOKEN).where(ACCOUNT_TOKEN.TOKEN_HASH.eq(hash)).execute();
    }

    // --- passwords -----------------------------------------------------------------------------------------------

    public void setPassword(long id, String hash, OffsetDateTime now) {
        tokens.invalidateAll();
        db.update(ACCOUNT_USER).set(ACCOUNT_USER.PASSWORD_HASH, hash).set(ACCOUNT_USER.PASSWORD_CHANGED_AT, now)
                .set(ACCOUNT_USER.FAILED_LOGINS, 0).where(ACCOUNT_USER.ID.eq(id)).execute();
        db.insertInto(ACCOUNT_PASSWORD_HISTORY).set(ACCOUNT_PASSWORD_HISTORY.USER_ID, id)
                .set(ACCOUNT_PASSWORD_HISTORY.PASSWORD_HASH, hash).set(ACCOUNT_PASSWORD_HISTORY.CHANGED_AT, now).execute();
    }

    public List<String> lastPasswords(long id, int n) {
        return db.select(ACCOUNT_PASSWORD_HISTORY.PASSWORD_HASH).from(ACCOUNT_PASSWORD_HISTORY)
                .where(ACCOUNT_PASSWORD_HISTORY.USER_ID.eq(id))
                .orderBy(ACCOUNT_PASSWORD_HISTORY.CHANGED_AT.desc(), ACCOUNT_PASSWORD_HISTORY.ID.desc()).limit(n)
                .fetch(ACCOUNT_PASSWORD_HISTORY.PASSWORD_HASH);
    }

    // --- activation codes ----------------------------------------------------------------------------------------

    /** Replaces the open codes of these accounts with new ones (rows: user id, code hash). */
    public void insertActivations(List<Long> userIds, List<String> hashes, OffsetDateTime now, OffsetDateTime expires,
                                  String by) {
        if (userIds.isEmpty()) {
            return;
        }
        db.update(ACCOUNT_ACTIVATION).set(ACCOUNT_ACTIVATION.USED_AT, now)
                .where(ACCOUNT_ACTIVATION.USER_ID.in(userIds)).and(ACCOUNT_ACTIVATION.USED_AT.isNull()).execute();
        var insert = db.insertInto(ACCOUNT_ACTIVATION, ACCOUNT_ACTIVATION.USER_ID, ACCOUNT_ACTIVATION.CODE_HASH,
                ACCOUNT_ACTIVATION.CREATED_AT, ACCOUNT_ACTIVATION.EXPIRES_AT, ACCOUNT_ACTIVATION.CREATED_BY);
        for (int i = 0; i < userIds.size(); i++) {
            insert = insert.values(userIds.get(i), hashes.get(i), now, expires, by);
        }
        insert.execute();
    }

    /** Whether this account has an open, unexpired code with this hash. */
    public boolean activationOpen(long userId, String hash, OffsetDateTime now) {
        return db.fetchExists(ACCOUNT_ACTIVATION, ACCOUNT_ACTIVATION.USER_ID.eq(userId)
                .and(ACCOUNT_ACTIVATION.CODE_HASH.eq(hash)).and(ACCOUNT_ACTIVATION.USED_AT.isNull())
                .and(ACCOUNT_ACTIVATION.EXPIRES_AT.gt(now)));
    }

    /** Uses the open, unexpired code with this hash of this account; false when there is none. */
    public boolean useActivation(long userId, String hash, OffsetDateTime now) {
        return db.update(ACCOUNT_ACTIVATION).set(ACCOUNT_ACTIVATION.USED_AT, now)
                .where(ACCOUNT_ACTIVATION.USER_ID.eq(userId)).and(ACCOUNT_ACTIVATION.CODE_HASH.eq(hash))
                .and(ACCOUNT_ACTIVATION.USED_AT.isNull()).and(ACCOUNT_ACTIVATION.EXPIRES_AT.gt(now)).execute() == 1;
    }

    // --- second factor -------------------------------------------------------------------------------------------

    public void replaceRecoveryCodes(long userId, List<String> hashes) {
        db.deleteFrom(ACCOUNT_RECOVERY_CODE).where(ACCOUNT_RECOVERY_CODE.USER_ID.eq(userId)).execute();
        var insert = db.insertInto(ACCOUNT_RECOVERY_CODE, ACCOUNT_RECOVERY_CODE.USER_ID, ACCOUNT_RECOVERY_CODE.CODE_HASH);
        for (String h : hashes) {
            insert = insert.values(userId, h);
        }
        insert.execute();
    }

    /**
     * Records {@code step} as the last accepted TOTP step of the account, only if it is later than the stored one:
     * false when it is not (a replay, or a concurrent use of the same code).
     */
    public boolean useTotpStep(long userId, long step) {
        return db.update(ACCOUNT_USER).set(ACCOUNT_USER.MFA_LAST_STEP, step).where(ACCOUNT_USER.ID.eq(userId))
                .and(ACCOUNT_USER.MFA_LAST_STEP.isNull().or(ACCOUNT_USER.MFA_LAST_STEP.lt(step))).execute() == 1;
    }

    public boolean useRecoveryCode(long userId, String hash, OffsetDateTime now) {
        return db.update(ACCOUNT_RECOVERY_CODE).set(ACCOUNT_RECOVERY_CODE.USED_AT, now)
                .where(ACCOUNT_RECOVERY_CODE.USER_ID.eq(userId)).and(ACCOUNT_RECOVERY_CODE.CODE_HASH.eq(hash))
                .and(ACCOUNT_RECOVERY_CODE.USED_AT.isNull()).execute() == 1;
    }

    public void insertChallenge(String hash, long userId, OffsetDateTime expires) {
        db.insertInto(ACCOUNT_MFA_CHALLENGE).set(ACCOUNT_MFA_CHALLENGE.TOKEN_HASH, hash)
                .set(ACCOUNT_MFA_CHALLENGE.USER_ID, userId).set(ACCOUNT_MFA_CHALLENGE.EXPIRES_AT, expires)
                .set(ACCOUNT_MFA_CHALLENGE.ATTEMPTS, 0).execute();
    }

    /** The account of a live challenge, counting the attempt (five per challenge). */
    public Optional<Long> challengeUser(String hash, OffsetDateTime now) {
        int n = db.update(ACCOUNT_MFA_CHALLENGE).set(ACCOUNT_MFA_CHALLENGE.ATTEMPTS, ACCOUNT_MFA_CHALLENGE.ATTEMPTS.plus(1))
                .where(ACCOUNT_MFA_CHALLENGE.TOKEN_HASH.eq(hash)).and(ACCOUNT_MFA_CHALLENGE.EXPIRES_AT.gt(now))
                .and(ACCOUNT_MFA_CHALLENGE.ATTEMPTS.lt(5)).execute();
        return n == 0 ? Optional.empty() : db.select(ACCOUNT_MFA_CHALLENGE.USER_ID).from(ACCOUNT_MFA_CHALLENGE)
                .where(ACCOUNT_MFA_CHALLENGE.TOKEN_HASH.eq(hash)).fetchOptional(ACCOUNT_MFA_CHALLENGE.USER_ID);
    }

    public void deleteChallenge(String hash) {
        db.deleteFrom(ACCOUNT_MFA_CHALLENGE).where(ACCOUNT_MFA_CHALLENGE.TOKEN_HASH.eq(hash)).execute();
    }
}
