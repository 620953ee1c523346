package io.zhibu.development.internal;

import static io.zhibu.db.Tables.DEV_PERSON;

import io.zhibu.shared.OrgPath;
import io.zhibu.shared.db.OrgPathSql;
import io.zhibu.shared.rollup.RollupSource;
import java.time.YearMonth;
import java.util.Collection;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/** The development pipeline per branch: people in an open pipeline by state (申请人, 积极分子, 发展对象, 预备党员). */
@Component
class DevRollupSource implements RollupSource {
    private final DSLContext db;

    DevRollupSource(DSLContext db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "dev";
    }

    @Override
    public Kind kind() {
        return Kind.STOCK;
    }

    @Override
    public void ownValues(Collection<Long> orgIds, YearMonth from, YearMonth to, Sink sink) {
        Condition which = orgIds == null ? DSL.noCondition() : DEV_PERSON.ORG_ID.in(orgIds);
        db.select(DEV_PERSON.ORG_ID, DEV_PERSON.STATE, DSL.count()).from(DEV_PERSON)
                .where(which).and(DEV_PERSON.IN_PIPELINE.isTrue())
                .groupBy(DEV_PERSON.ORG_ID, DEV_PERSON.STATE)
                .forEach(r -> sink.accept(r.value1(), null, "dev." + r.value2(), r.value3()));
    }

    @Override
    public void liveSubtreeValues(String path, YearMonth from, YearMonth to, Sink sink) {
        Condition in = path.isEmpty() ? DSL.noCondition() : DEV_PERSON.REGION_ORG_ID.eq(OrgPath.idAt(path, 1))
                .and(OrgPathSql.subtree(DEV_PERSON.ORG_PATH, path));
        db.select(DEV_PERSON.STATE, DSL.count()).from(DEV_PERSON).where(in).and(DEV_PERSON.IN_PIPELINE.isTrue())
                .groupBy(DEV_PERSON.STATE).forEach(r -> sink.accept(0, null, "dev." + r.value1(), r.value2()));
    }
}
