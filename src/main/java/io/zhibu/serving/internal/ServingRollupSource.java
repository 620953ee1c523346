package io.zhibu.serving.internal;

import io.zhibu.shared.rollup.RollupSource;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import org.springframework.stereotype.Component;

/**
 * 双报到 figures per unit branch and month for the dashboards: {@code serving.reported} — reports confirmed by a
 * community that month (one per member and year, so a year's sum is the members reported), and
 * {@code serving.minutes} — minutes served that month: community services (recorded by the communities, credited
 * to the unit) and volunteer activities (checked in and out, credited to the member's branch). The report rate is
 * {@code serving.reported} over the members of the in-service branches (the rollups' {@code member.domain.*} of the
 * in-service domains). {@code serving.received} — reports a community confirmed that month, per community branch
 * (its yearly sum is the members who reported to it).
 */
@Component
class ServingRollupSource implements RollupSource {
    private final ServingRepository repo;

    ServingRollupSource(ServingRepository repo) {
        this.repo = repo;
    }

    @Override
    public String name() {
        return "serving";
    }

    @Override
    public Kind kind() {
        return Kind.MONTHLY;
    }

    @Override
    public void ownValues(Collection<Long> orgIds, YearMonth from, YearMonth to, Sink sink) {
        emit(repo.reportUnitIn(orgIds), repo.signupUnitIn(orgIds), from, to, true, sink);
        activities(repo.participationOrgIn(orgIds), from, to, true, sink);
        received(repo.reportCommunityIn(orgIds), from, to, true, sink);
    }

    /** Confirmed reports per community branch and month decided ({@code serving.received}). */
    private void received(org.jooq.Condition which, YearMonth from, YearMonth to, boolean perOrg, Sink sink) {
        for (long[] r : repo.reportsByCommunityMonth(which, from.atDay(1), to.atEndOfMonth())) {
            sink.accept(perOrg ? r[0] : 0, YearMonth.of((int) r[1], (int) r[2]), "serving.received", r[3]);
        }
    }

    @Override
    public void liveSubtreeValues(String path, YearMonth from, YearMonth to, Sink sink) {
        emit(repo.reportUnitUnder(path), repo.signupUnitUnder(path), from, to, false, sink);
        activities(repo.participationOrgUnder(path), from, to, false, sink);
        received(repo.reportCommunityUnder(path), from, to, false, sink);
    }

    /** Volunteer activity minutes, credited to the member's branch in the month served (also {@code serving.minutes}). */
    private void activities(org.jooq.Condition which, YearMonth from, YearMonth to, boolean perOrg, Sink sink) {
        for (long[] r : repo.activityMinutesByOrgMonth(which, from.atDay(1), to.atEndOfMonth())) {
            sink.accept(perOrg ? r[0] : 0, YearMonth.of((int) r[1], (int) r[2]), "serving.minutes", r[3]);
        }
    }

    private void emit(org.jooq.Condition reports, org.jooq.Condition signups, YearMonth from, YearMonth to, boolean perOrg,
                      Sink sink) {
        LocalDate first = from.atDay(1);
        LocalDate last = to.atEndOfMonth();
        for (long[] r : repo.reportsByUnitMonth(reports, first, last)) {
            sink.accept(perOrg ? r[0] : 0, YearMonth.of((int) r[1], (int) r[2]), "serving.reported", r[3]);
        }
        for (long[] r : repo.minutesByUnitMonth(signups, first, last)) {
            sink.accept(perOrg ? r[0] : 0, YearMonth.of((int) r[1], (int) r[2]), "serving.minutes", r[3]);
        }
    }
}
