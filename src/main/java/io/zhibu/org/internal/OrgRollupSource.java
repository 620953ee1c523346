package io.zhibu.org.internal;

import static io.zhibu.db.Tables.ORG_ORGANIZATION;

import io.zhibu.org.OrgStatus;
import io.zhibu.org.TermReminder;
import io.zhibu.shared.rollup.RollupSource;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * The org module's rollup figures: organizations by type, and committees whose term is expiring (R1.8: within 6
 * months) or overdue. Term states move with the calendar, so the nightly rebuild refreshes them.
 */
@Component
class OrgRollupSource implements RollupSource {
    private final DSLContext db;
    private final Clock clock;

    OrgRollupSource(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "org";
    }

    @Override
    public Kind kind() {
        return Kind.STOCK;
    }

    @Override
    public void ownValues(Collection<Long> orgIds, YearMonth from, YearMonth to, Sink sink) {
        Condition which = orgIds == null ? DSL.noCondition() : ORG_ORGANIZATION.ID.in(orgIds);
        emit(which, sink, false);
    }

    @Override
    public void liveSubtreeValues(String path, YearMonth from, YearMonth to, Sink sink) {
        emit(OrgRepository.inSubtree(ORG_ORGANIZATION.PATH, path), sink, true);
    }

    private void emit(Condition which, Sink sink, boolean summed) {
        LocalDate today = LocalDate.now(clock);
        long[] totals = new long[3];
        java.util.Map<String, Long> byType = new java.util.HashMap<>();
        for (var r : db.select(ORG_ORGANIZATION.ID,
                        ORG_ORGANIZATION.TYPE, ORG_ORGANIZATION.TERM_STARTED_ON, ORG_ORGANIZATION.TERM_YEARS,
                        ORG_ORGANIZATION.STATUS, ORG_ORGANIZATION.TERM_DEFERRED_UNTIL)
                .from(ORG_ORGANIZATION).where(which).and(ORG_ORGANIZATION.STATUS.eq(io.zhibu.org.OrgStatus.ACTIVE))
                .fetch()) {
            TermReminder reminder = r.value3() == null || r.value4() == null ? TermReminder.NONE
                    : TermReminder.of(io.zhibu.org.TermDeferralRules.effectiveEnd(r.value3().plusYears(r.value4()),
                    r.value6()), today); // R1.7: an approved deferral moves the deadline
            int expiring = reminder != TermReminder.NONE && reminder != TermReminder.OVERDUE ? 1 : 0;
            int overdue = reminder == TermReminder.OVERDUE ? 1 : 0;
            if (summed) {
                totals[0]++;
                totals[1] += expiring;
                totals[2] += overdue;
                byType.merge(r.value2().name(), 1L, Long::sum);
                continue;
            }
            sink.accept(r.value1(), null, "org.count", 1);
            sink.accept(r.value1(), null, "org.type." + r.value2(), 1);
            if (expiring > 0) {
                sink.accept(r.value1(), null, "org.term.expiring", 1);
            }
            if (overdue > 0) {
                sink.accept(r.value1(), null, "org.term.overdue", 1);
            }
        }
        if (summed) {
            sink.accept(0, null, "org.count", totals[0]);
            sink.accept(0, null, "org.term.expiring", totals[1]);
            sink.accept(0, null, "org.term.overdue", totals[2]);
            byType.forEach((t, n) -> sink.accept(0, null, "org.type." + t, n));
        }
    }
}
