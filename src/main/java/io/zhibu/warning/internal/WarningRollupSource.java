package io.zhibu.warning.internal;

import static io.zhibu.db.Tables.WARNING_WARNING;

import io.zhibu.shared.rollup.RollupSource;
import java.time.YearMonth;
import java.util.Collection;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/** Open warnings per organization by severity and by rule, for the dashboards' warning figures. */
@Component
class WarningRollupSource implements RollupSource {
    private final DSLContext db;

    WarningRollupSource(DSLContext db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "warning";
    }

    @Override
    public Kind kind() {
        return Kind.STOCK;
    }

    @Override
    public void ownValues(Collection<Long> orgIds, YearMonth from, YearMonth to, Sink sink) {
        Condition which = orgIds == null ? DSL.noCondition() : WARNING_WARNING.ORG_ID.in(orgIds);
        emit(which, true, sink);
    }

    @Override
    public void liveSubtreeValues(String path, YearMonth from, YearMonth to, Sink sink) {
        emit(WarningRepository.subtree(WARNING_WARNING.REGION_ORG_ID, WARNING_WARNING.ORG_PATH, path), false, sink);
    }

    private void emit(Condition which, boolean perOrg, Sink sink) {
        var w = WARNING_WARNING;
        var org = perOrg ? w.ORG_ID : DSL.inline(0L);
        var q = db.select(org, w.RULE, w.SEVERITY, DSL.count()).from(w).where(which).and(WarningRepository.open());
        var rows = perOrg ? q.groupBy(w.ORG_ID, w.RULE, w.SEVERITY).fetch() : q.groupBy(w.RULE, w.SEVERITY).fetch();
        for (var r : rows) {
            sink.accept(r.value1(), null, "warning.open." + r.value3(), r.value4());
            sink.accept(r.value1(), null, "warning.rule." + r.value2(), r.value4());
        }
    }
}
