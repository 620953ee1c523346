package io.zhibu.account.internal;

import static io.zhibu.db.Tables.ACCOUNT_USER;

import io.zhibu.shared.Role;
import io.zhibu.warning.RecipientDirectory;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Notification recipients for the warning module: enabled, activated secretaries, organization staff and members. */
@Component
class AccountRecipients implements RecipientDirectory {
    private final DSLContext db;

    AccountRecipients(DSLContext db) {
        this.db = db;
    }

    @Override
    public List<Recipient> recipients() {
        var u = ACCOUNT_USER;
        return db.select(u.ID, u.USERNAME, u.DISPLAY_NAME, u.ROLE, u.SCOPE_ORG_ID, u.MEMBER_ID).from(u)
                .where(u.ENABLED.isTrue())
                // unactivated member accounts (issue 15) receive nothing until they are activated
                .and(u.PASSWORD_HASH.isNotNull())
                .and(u.ROLE.in(Role.BRANCH_SECRETARY, Role.ORG_STAFF, Role.MEMBER))
                .fetch(r -> new Recipient(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6()));
    }
}
