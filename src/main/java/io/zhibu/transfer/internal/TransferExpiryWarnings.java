package io.zhibu.transfer.internal;

import static io.zhibu.db.Tables.TRANSFER_TRANSFER;

import io.zhibu.warning.RuleSettings;
import io.zhibu.warning.TransferExpiryRule;
import io.zhibu.warning.WarningCandidate;
import io.zhibu.warning.WarningRule;
import io.zhibu.warning.WarningSource;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * R4.5 letter validity facts: issued (or accepted, not yet reported) letters whose validity ends within the lead
 * days or has passed; the warning belongs to the sending organization. One range query (status, valid_until index).
 */
@Component
class TransferExpiryWarnings implements WarningSource {
    private final DSLContext db;

    TransferExpiryWarnings(DSLContext db) {
        this.db = db;
    }

    @Override
    public WarningRule rule() {
        return WarningRule.TRANSFER_EXPIRY;
    }

    @Override
    public void candidates(LocalDate today, RuleSettings settings, Consumer<WarningCandidate> sink) {
        var t = TRANSFER_TRANSFER;
        try (var cursor = db.select(t.ID, DSL.coalesce(t.FROM_ORG_ID, t.TO_ORG_ID), t.ORG_PATH, t.MEMBER_ID, t.MEMBER_NAME, t.VALID_UNTIL, t.TO_ORG_NAME)
                .from(t).where(t.STATUS.in("ISSUED", "ACCEPTED"))
                .and(t.VALID_UNTIL.le(TransferExpiryRule.validUntilBy(today, settings))).fetchLazy()) {
            for (var r : cursor) {
                String level = TransferExpiryRule.level(r.value6(), today, settings);
                if (level != null && r.value2() != null) {
                    sink.accept(new WarningCandidate(WarningRule.TRANSFER_EXPIRY, "transfer:" + r.value1() + ":" + r.value6(),
                            r.value2(), r.value3(), r.value4(), r.value5(), level, r.value6(), r.value7()));
                }
            }
        }
    }
}
