package io.zhibu.serving.internal;

import io.zhibu.member.MemberEvents;
import io.zhibu.serving.CareService;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Roster events → 五必谈 to-dos (in the writing transaction, so the talk commits with the change): a newly registered
 * member who joined within the last 30 days ({@code JOINED}), and every hand-recorded lifecycle change by its type
 * (e.g. {@code DISCIPLINED}) — whichever kinds {@code zhibu.serving.talks} maps to a trigger. Seeding and imports of
 * long-standing members raise nothing.
 */
@Component
class CareTriggers {
    static final int RECENT_DAYS = 30;
    private final CareService care;
    private final Clock clock;

    CareTriggers(CareService care, Clock clock) {
        this.care = care;
        this.clock = clock;
    }

    @EventListener
    void on(MemberEvents.Registered e) {
        LocalDate today = LocalDate.now(clock);
        for (MemberEvents.MemberFacts m : e.members()) {
            if (m.joinedOn() != null && !m.joinedOn().isBefore(today.minusDays(RECENT_DAYS)) && !m.joinedOn().isAfter(today)) {
                care.raise(m.memberId(), m.orgId(), m.orgPath(), "JOINED", "joined:" + m.joinedOn(), today);
            }
        }
    }

    @EventListener
    void on(MemberEvents.LifecycleRecorded e) {
        care.raise(e.memberId(), e.orgId(), e.orgPath(), e.type().name(), e.type().name().toLowerCase() + ":" + e.effectiveOn(),
                LocalDate.now(clock));
    }
}
