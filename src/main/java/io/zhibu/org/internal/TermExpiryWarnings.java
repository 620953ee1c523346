package io.zhibu.org.internal;

import static io.zhibu.db.Tables.ORG_ORGANIZATION;

import io.zhibu.warning.RuleSettings;
import io.zhibu.warning.TermExpiryRule;
import io.zhibu.warning.WarningCandidate;
import io.zhibu.warning.WarningRule;
import io.zhibu.warning.WarningSource;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * R1.8 换届提醒 facts: active organizations whose current term ends within the notice period or has ended. One
 * range query over the term columns; the level (T-6/T-3/T-1/overdue) comes from {@link TermExpiryRule}.
 */
@Component
class TermExpiryWarnings implements WarningSource {
    private final DSLContext db;

    TermExpiryWarnings(DSLContext db) {
        this.db = db;
    }

    @Override
    public WarningRule rule() {
        return WarningRule.TERM_EXPIRY;
    }

    @Override
    public void candidates(LocalDate today, RuleSettings settings, Consumer<WarningCandidate> sink) {
        var o = ORG_ORGANIZATION;
        // prefilter: a term of at most 10 years that started this long ago may be in its notice period
        LocalDate startedBy = TermExpiryRule.endsBy(today, settings);
        try (var cursor = db.select(o.ID, o.PATH, o.NAME, o.TERM_STARTED_ON, o.TERM_YEARS, o.TERM_DEFERRED_UNTIL).from(o)
                .where(o.STATUS.eq(io.zhibu.org.OrgStatus.ACTIVE)).and(o.TERM_STARTED_ON.isNotNull()).and(o.TERM_YEARS.isNotNull())
                .and(o.TERM_STARTED_ON.le(startedBy.minusYears(1))).and(o.TYPE.ne(io.zhibu.org.OrgType.PARTY_GROUP))
                .fetchLazy()) {
            for (var r : cursor) {
                // R1.7/R1.8: an approved deferral moves the deadline; only "overdue without approval" is flagged red
                LocalDate ends = io.zhibu.org.TermDeferralRules.effectiveEnd(r.value4().plusYears(r.value5()), r.value6());
                String level = TermExpiryRule.level(ends, today, settings);
                if (level != null) {
                    sink.accept(new WarningCandidate(WarningRule.TERM_EXPIRY, "org:" + r.value1() + ":" + r.value4(),
                            r.value1(), r.value2(), null, r.value3(), level, ends, null));
                }
            }
        }
    }
}
