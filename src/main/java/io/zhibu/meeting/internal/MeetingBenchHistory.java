package io.zhibu.meeting.internal;

import static io.zhibu.db.Tables.MEETING_MEETING;

import io.zhibu.meeting.MeetingType;
import io.zhibu.org.OrgNode;
import io.zhibu.org.OrgService;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.bench.BenchHistory;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Benchmark history of organization life: locked meetings for every branch — the monthly committee meeting (with the
 * theme day), the party-group meeting where there are groups, the quarterly assembly and lecture — each held with a
 * probability of 90–95 %, so implementation rates differ between branches.
 */
@Component
@ConditionalOnBooleanProperty("zhibu.bench.supervision")
class MeetingBenchHistory implements BenchHistory {
    private final DSLContext db;
    private final OrgService orgs;
    private final Clock clock;

    MeetingBenchHistory(DSLContext db, OrgService orgs, Clock clock) {
        this.db = db;
        this.orgs = orgs;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "meetings";
    }

    @Override
    public long generate(YearMonth from, YearMonth to, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<OrgNode> branches = orgs.activeNodes().stream().filter(n -> n.type().holdsMembers()).toList();
        OffsetDateTime now = OffsetDateTime.now(clock);
        long rows = 0;
        List<Query> batch = new ArrayList<>();
        var m = MEETING_MEETING;
        for (OrgNode b : branches) {
            long region = OrgPath.idAt(b.path(), 1);
            double diligence = 0.80 + random.nextDouble() * 0.2; // some branches hold fewer meetings
            for (YearMonth ym = from; !ym.isAfter(to); ym = ym.plusMonths(1)) {
                List<String> kinds = new ArrayList<>();
                if (random.nextDouble() < diligence) {
                    kinds.add(MeetingType.COMMITTEE + "," + MeetingType.THEME_DAY);
                }
                if (b.hasChildren() && random.nextDouble() < diligence) {
                    kinds.add(MeetingType.GROUP.name());
                }
                if (ym.getMonthValue() % 3 == 2 && random.nextDouble() < diligence) {
                    kinds.add(MeetingType.BRANCH_ASSEMBLY + "," + MeetingType.PARTY_LECTURE);
                }
                int day = 3;
                for (String k : kinds) {
                    OffsetDateTime start = ym.atDay(day).atTime(15, 0).atZone(clock.getZone()).toOffsetDateTime();
                    day += 7;
                    batch.add(db.insertInto(m, m.REGION_ORG_ID, m.ORG_ID, m.ORG_PATH, m.ORG_NAME, m.TYPES, m.TITLE,
                                    m.STARTS_AT, m.ENDS_AT, m.PLACE, m.STATUS, m.CHECKIN_CODE, m.HOST, m.RECORDER,
                                    m.LOCKED_AT, m.LOCKED_BY, m.CREATED_BY, m.CREATED_AT, m.UPDATED_AT)
                            .values(region, b.id(), b.path(), b.name(), k, "例会 " + ym, start, start.plusHours(1),
                                    "党员活动室", io.zhibu.meeting.MeetingRecords.MeetingStatus.LOCKED, "BENCH", "书记", "委员", start.plusHours(2), "bench", "bench",
                                    now, now));
                    rows++;
                }
                if (batch.size() >= 2000) {
                    db.batch(batch).execute();
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            db.batch(batch).execute();
        }
        return rows;
    }
}
