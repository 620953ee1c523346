package io.zhibu.dues.internal;

import static io.zhibu.db.Tables.DUES_ACCOUNT;
import static io.zhibu.db.Tables.DUES_BILL;

import io.zhibu.member.MemberDirectory;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.Role;
import io.zhibu.warning.DuesArrearsRule;
import io.zhibu.warning.RuleSettings;
import io.zhibu.warning.WarningCandidate;
import io.zhibu.warning.WarningRule;
import io.zhibu.warning.WarningSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * R5.6 arrears facts: members with at least the reminder number of issued bills after their paid-up-to month (up
 * to the current month) — one GROUP BY over accounts and bills, as the arrears report counts them.
 */
@Component
class DuesArrearsWarnings implements WarningSource {
    private static final DataScope SYSTEM = new DataScope(0, "system", Role.ADMIN, null, OrgPath.ROOT, null, null);
    private static final int NAME_BATCH = 1000;
    private final DSLContext db;
    private final MemberDirectory members;

    DuesArrearsWarnings(DSLContext db, MemberDirectory members) {
        this.db = db;
        this.members = members;
    }

    @Override
    public WarningRule rule() {
        return WarningRule.DUES_ARREARS;
    }

    @Override
    public void candidates(LocalDate today, RuleSettings settings, Consumer<WarningCandidate> sink) {
        var a = DUES_ACCOUNT;
        var b = DUES_BILL;
        LocalDate current = today.withDayOfMonth(1);
        int min = Math.min(settings.threshold("reminder"), settings.threshold("review"));
        // per liable member, the unpaid bills after paid_up_to: two index-only probes of (member_id, period) each,
        // instead of joining every bill ever issued (the table holds years of months for every member)
        var unpaid = DSL.selectCount().from(b).where(b.MEMBER_ID.eq(a.MEMBER_ID).and(io.zhibu.shared.db.Citus.sameRegion(b.REGION_ORG_ID, a.REGION_ORG_ID)))
                .and(b.PERIOD.gt(DSL.coalesce(a.PAID_UP_TO, DSL.val(LocalDate.of(1, 1, 1))))).and(b.PERIOD.le(current));
        var firstUnpaid = DSL.select(DSL.min(b.PERIOD)).from(b).where(b.MEMBER_ID.eq(a.MEMBER_ID).and(io.zhibu.shared.db.Citus.sameRegion(b.REGION_ORG_ID, a.REGION_ORG_ID)))
                .and(b.PERIOD.gt(DSL.coalesce(a.PAID_UP_TO, DSL.val(LocalDate.of(1, 1, 1))))).and(b.PERIOD.le(current));
        var perMember = DSL.select(a.MEMBER_ID, a.ORG_ID, a.ORG_PATH, DSL.field(unpaid).as("months"),
                        DSL.field(firstUnpaid).as("since"))
                .from(a).where(a.STANDING.eq(DuesRepository.LIABLE_STANDING)).asTable("m");
        var months = perMember.field("months", Integer.class);
        try (var cursor = db.select(perMember.field(a.MEMBER_ID), perMember.field(a.ORG_ID), perMember.field(a.ORG_PATH),
                        months, perMember.field("since", LocalDate.class))
                .from(perMember).where(months.ge(min)).fetchLazy()) {
            List<WarningCandidate> batch = new ArrayList<>(NAME_BATCH);
            for (var r : cursor) {
                String level = DuesArrearsRule.level(r.value4(), settings);
                if (level != null) {
                    // since = the first unpaid month; the detail is the number of unpaid months
                    batch.add(new WarningCandidate(WarningRule.DUES_ARREARS, "member:" + r.value1(), r.value2(),
                            r.value3(), r.value1(), null, level, r.value5(), String.valueOf(r.value4())));
                    if (batch.size() == NAME_BATCH) {
                        named(batch, sink);
                    }
                }
            }
            named(batch, sink);
        }
    }

    /** The warning names the member who owes (the to-do and the inbox say whom to talk to). */
    private void named(List<WarningCandidate> batch, Consumer<WarningCandidate> sink) {
        if (batch.isEmpty()) {
            return;
        }
        Map<Long, String> names = members.namesOf(SYSTEM, batch.stream().map(WarningCandidate::memberId).toList());
        for (WarningCandidate c : batch) {
            sink.accept(new WarningCandidate(c.rule(), c.subjectKey(), c.orgId(), c.orgPath(), c.memberId(),
                    names.get(c.memberId()), c.level(), c.dueOn(), c.detail()));
        }
        batch.clear();
    }
}
