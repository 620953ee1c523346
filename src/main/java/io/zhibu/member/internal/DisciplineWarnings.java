package io.zhibu.member.internal;

import static io.zhibu.db.Tables.MEMBER_MEMBER;

import io.zhibu.member.DisciplineType;
import io.zhibu.warning.DisciplineRule;
import io.zhibu.warning.RuleSettings;
import io.zhibu.warning.WarningCandidate;
import io.zhibu.warning.WarningRule;
import io.zhibu.warning.WarningSource;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** R3.3 留党察看 ending or ended (the branch must decide on restoring the rights): one range query. */
@Component
class DisciplineWarnings implements WarningSource {
    private final DSLContext db;

    DisciplineWarnings(DSLContext db) {
        this.db = db;
    }

    @Override
    public WarningRule rule() {
        return WarningRule.DISCIPLINE;
    }

    @Override
    public void candidates(LocalDate today, RuleSettings settings, Consumer<WarningCandidate> sink) {
        var m = MEMBER_MEMBER;
        try (var cursor = db.select(m.ID, m.ORG_ID, m.ORG_PATH, m.NAME, m.DISCIPLINE_UNTIL).from(m)
                .where(m.EXIT_TYPE.isNull()).and(m.DISCIPLINE_TYPE.eq(DisciplineType.PROBATION_IN_PARTY))
                .and(m.DISCIPLINE_UNTIL.le(today.plusDays(settings.threshold("lead")))).fetchLazy()) {
            for (var r : cursor) {
                String level = DisciplineRule.level(r.value5(), today, settings);
                if (level != null) {
                    sink.accept(new WarningCandidate(WarningRule.DISCIPLINE, "member:" + r.value1() + ":" + r.value5(),
                            r.value2(), r.value3(), r.value1(), r.value4(), level, r.value5(), null));
                }
            }
        }
    }
}
