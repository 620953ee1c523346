package io.zhibu.account.internal;

import static io.zhibu.db.Tables.ACCOUNT_TOKEN;
import static io.zhibu.db.Tables.ACCOUNT_USER;

import io.zhibu.db.tables.records.AccountUserRecord;
import io.zhibu.shared.Role;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
public class AccountRepository {
    private final DSLContext db;

    public AccountRepository(DSLContext db) {
        this.db = db;
    }

    public Optional<AccountUserRecord> findByUsername(String username) {
        return db.selectFrom(ACCOUNT_USER).where(ACCOUNT_USER.USERNAME.eq(username)).fetchOptional();
    }

    public Optional<AccountUserRecord> findById(long id) {
        return db.selectFrom(ACCOUNT_USER).where(ACCOUNT_USER.ID.eq(id)).fetchOptional();
    }

    public long insertUser(String username, String displayName, String hash, Role role, Long scopeOrgId, Long memberId,
                           OffsetDateTime now) {
        return db.insertInto(ACCOUNT_USER)
                .set(ACCOUNT_USER.USERNAME, username)
                .set(ACCOUNT_USER.DISPLAY_NAME, displayName)
                .set(ACCOUNT_USER.PASSWORD_HASH, hash)
                .set(ACCOUNT_USER.ROLE, role.name())
                .set(ACCOUNT_USER.SCOPE_ORG_ID, scopeOrgId)
                .set(ACCOUNT_USER.MEMBER_ID, memberId)
                .set(ACCOUNT_USER.ENABLED, true)
                .set(ACCOUNT_USER.FAILED_LOGINS, 0)
                .set(ACCOUNT_USER.PASSWORD_CHANGED_AT, now)
                .set(ACCOUNT_USER.CREATED_AT, now)
                .returningResult(ACCOUNT_USER.ID).fetchOne().value1();
    }

    public void recordFailure(long id, int failures, OffsetDateTime lockedUntil) {
        db.update(ACCOUNT_USER).set(ACCOUNT_USER.FAILED_LOGINS, failures).set(ACCOUNT_USER.LOCKED_UNTIL, lockedUntil)
                .where(ACCOUNT_USER.ID.eq(id)).execute();
    }

    public void recordSuccess(long id) {
        db.update(ACCOUNT_USER).set(ACCOUNT_USER.FAILED_LOGINS, 0).set(ACCOUNT_USER.LOCKED_UNTIL, (OffsetDateTime) null)
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
        db.deleteFrom(ACCOUNT_TOKEN).where(ACCOUNT_TOKEN.TOKEN_HASH.eq(hash)).execute();
    }
}
