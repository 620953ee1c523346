package io.zhibu.member.internal;

import static io.zhibu.db.Tables.MEMBER_MEMBER;

import io.zhibu.member.AgeBand;
import io.zhibu.member.MemberCategory;
import io.zhibu.member.MemberStanding;
import io.zhibu.shared.Gender;
import io.zhibu.shared.rollup.RollupSource;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * The roster's rollup figures per branch: members on the roll by category, sex, age band, education, and the flags
 * (流动, 失联, 停止党籍, in transit). Ages move with the calendar, so the nightly rebuild refreshes the bands.
 */
@Component
class MemberRollupSource implements RollupSource {
    /** Education groups of the dashboards over the GB/T 4658 codes; anything else (or missing) counts as "below". */
    static final Map<String, List<String>> EDUCATION_GROUPS = Map.of(
            "postgraduate", List.of("11", "14"), "bachelor", List.of("21"), "college", List.of("31"),
            "secondary", List.of("41", "61"));

    private final DSLContext db;
    private final Clock clock;

    MemberRollupSource(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "member";
    }

    @Override
    public Kind kind() {
        return Kind.STOCK;
    }

    @Override
    public void ownValues(Collection<Long> orgIds, YearMonth from, YearMonth to, Sink sink) {
        Condition which = orgIds == null ? DSL.noCondition() : MEMBER_MEMBER.ORG_ID.in(orgIds);
        emit(which, true, sink);
    }

    @Override
    public void liveSubtreeValues(String path, YearMonth from, YearMonth to, Sink sink) {
        emit(MemberRepository.subtree(path), false, sink);
    }

    private void emit(Condition which, boolean perOrg, Sink sink) {
        Map<String, Condition> metrics = metrics(LocalDate.now(clock));
        List<Field<?>> fields = new ArrayList<>();
        fields.add(perOrg ? MEMBER_MEMBER.ORG_ID : DSL.inline(0L).as("org_id"));
        metrics.forEach((name, c) -> fields.add(DSL.count().filterWhere(c).as(name.replace('.', '_'))));
        var q = db.select(fields).from(MEMBER_MEMBER).where(which).and(MEMBER_MEMBER.EXIT_TYPE.isNull());
        List<? extends Record> rows = perOrg ? q.groupBy(MEMBER_MEMBER.ORG_ID).fetch() : q.fetch();
        for (Record r : rows) {
            long orgId = r.get(0, Long.class);
            int i = 1;
            for (String name : metrics.keySet()) {
                long v = r.get(i++, Long.class);
                if (v != 0) {
                    sink.accept(orgId, null, name, v);
                }
            }
        }
    }

    private static Map<String, Condition> metrics(LocalDate today) {
        Map<String, Condition> m = new LinkedHashMap<>();
        m.put("member.total", DSL.trueCondition());
        m.put("member.full", MEMBER_MEMBER.CATEGORY.eq(MemberCategory.FULL));
        m.put("member.probationary", MEMBER_MEMBER.CATEGORY.eq(MemberCategory.PROBATIONARY));
        m.put("member.male", MEMBER_MEMBER.GENDER.eq(Gender.MALE.code()));
        m.put("member.female", MEMBER_MEMBER.GENDER.eq(Gender.FEMALE.code()));
        for (AgeBand b : AgeBand.values()) {
            // born after today-(max+1) years and on or before today-min years
            m.put("member.age." + b.name(), MEMBER_MEMBER.BIRTH_DATE.gt(today.minusYears(b.max() + 1L))
                    .and(MEMBER_MEMBER.BIRTH_DATE.le(today.minusYears(b.min()))));
        }
        List<String> known = new ArrayList<>();
        for (var g : List.of("postgraduate", "bachelor", "college", "secondary")) {
            m.put("member.edu." + g, MEMBER_MEMBER.EDUCATION.in(EDUCATION_GROUPS.get(g)));
            known.addAll(EDUCATION_GROUPS.get(g));
        }
        m.put("member.edu.below", MEMBER_MEMBER.EDUCATION.isNull().or(MEMBER_MEMBER.EDUCATION.notIn(known)));
        m.put("member.flow", MEMBER_MEMBER.FLOW_MEMBER.isTrue());
        m.put("member.lost", MEMBER_MEMBER.LOST_CONTACT.isTrue());
        m.put("member.suspended", MEMBER_MEMBER.STANDING.eq(MemberStanding.SUSPENDED));
        m.put("member.transit", MEMBER_MEMBER.IN_TRANSIT.isTrue());
        return m;
    }
}
