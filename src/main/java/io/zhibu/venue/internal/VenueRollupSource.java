package io.zhibu.venue.internal;

import static io.zhibu.db.Tables.VENUE_VENUE;

import io.zhibu.shared.OrgPath;
import io.zhibu.shared.rollup.RollupSource;
import io.zhibu.venue.VenueTier;
import java.time.YearMonth;
import java.util.Collection;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * 阵地 counts for the supervision dashboards (issue 18 point 2): venues per owner organization by the tier of their
 * latest inspection ({@code venue.tier.MODEL / STANDARD / BASIC / BELOW_STANDARD / NONE} = not inspected) and in all
 * ({@code venue.total}); one grouped query over the register.
 */
@Component
class VenueRollupSource implements RollupSource {
    private final DSLContext db;

    VenueRollupSource(DSLContext db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "venue";
    }

    @Override
    public Kind kind() {
        return Kind.STOCK;
    }

    @Override
    public void ownValues(Collection<Long> orgIds, YearMonth from, YearMonth to, Sink sink) {
        emit(orgIds == null ? DSL.noCondition() : VENUE_VENUE.ORG_ID.in(orgIds), true, sink);
    }

    @Override
    public void liveSubtreeValues(String path, YearMonth from, YearMonth to, Sink sink) {
        emit(path.isEmpty() ? DSL.noCondition() : VENUE_VENUE.ORG_PATH.ge(path)
                .and(VENUE_VENUE.ORG_PATH.lt(OrgPath.upperBound(path))), false, sink);
    }

    private void emit(Condition which, boolean perOrg, Sink sink) {
        var v = VENUE_VENUE;
        var org = perOrg ? v.ORG_ID : DSL.inline(0L);
        var q = db.select(org, v.LATEST_TIER, DSL.count()).from(v).where(which);
        var rows = perOrg ? q.groupBy(v.ORG_ID, v.LATEST_TIER).fetch() : q.groupBy(v.LATEST_TIER).fetch();
        for (var x : rows) {
            String tier = x.value2() == null ? "NONE" : x.value2().name();
            sink.accept(x.value1(), null, "venue.total", x.value3());
            sink.accept(x.value1(), null, "venue.tier." + tier, x.value3());
        }
    }
}
