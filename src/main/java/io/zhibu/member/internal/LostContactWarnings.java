package io.zhibu.member.internal;

import static io.zhibu.db.Tables.MEMBER_EVENT;
import static io.zhibu.db.Tables.MEMBER_MEMBER;

import io.zhibu.warning.LostContactRule;
import io.zhibu.warning.RuleSettings;
import io.zhibu.warning.WarningCandidate;
import io.zhibu.warning.WarningRule;
import io.zhibu.warning.WarningSource;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * R3.4 失联 clock facts: active members flagged lost-contact long enough for the 3-month alert, with the date of their
 * 停止党籍 if suspended (the 2-year 除名 clock). One query; the level comes from {@link LostContactRule}.
 */
@Component
class LostContactWarnings implements WarningSource {
    private final DSLContext db;

    LostContactWarnings(DSLContext db) {
        this.db = db;
    }

    @Override
    public WarningRule rule() {
        return WarningRule.LOST_CONTACT;
    }

    @Override
    public void candidates(LocalDate today, RuleSettings settings, Consumer<WarningCandidate> sink) {
        var m = MEMBER_MEMBER;
        var e = MEMBER_EVENT;
        var suspendedOn = DSL.field(DSL.select(DSL.max(e.EFFECTIVE_ON)).from(e).where(e.MEMBER_ID.eq(m.ID).and(io.zhibu.shared.db.Citus.sameRegion(e.REGION_ORG_ID, m.REGION_ORG_ID)))
                .and(e.EVENT_TYPE.eq(io.zhibu.member.MemberEventType.SUSPENDED)));
        try (var cursor = db.select(m.ID, m.ORG_ID, m.ORG_PATH, m.NAME, m.LOST_CONTACT_ON, m.STANDING, suspendedOn)
                .from(m).where(m.EXIT_TYPE.isNull()).and(m.LOST_CONTACT.isTrue()).and(m.LOST_CONTACT_ON.isNotNull())
                .and(m.LOST_CONTACT_ON.le(LostContactRule.lostBy(today, settings))).fetchLazy()) {
            for (var r : cursor) {
                LocalDate suspended = r.value6() == io.zhibu.member.MemberStanding.SUSPENDED ? r.value7() : null;
                if (r.value6() == io.zhibu.member.MemberStanding.SUSPENDED && suspended == null) {
                    continue; // suspended without a dated event: no clock to run
                }
                String level = LostContactRule.level(r.value5(), suspended, today, settings);
                if (level != null) {
                    sink.accept(new WarningCandidate(WarningRule.LOST_CONTACT, "member:" + r.value1(), r.value2(),
                            r.value3(), r.value1(), r.value4(), level, LostContactRule.dueOn(r.value5(), suspended, settings),
                            null));
                }
            }
        }
    }
}
