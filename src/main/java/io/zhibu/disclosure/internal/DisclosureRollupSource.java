package io.zhibu.disclosure.internal;

import io.zhibu.disclosure.DisclosureProperties;
import io.zhibu.disclosure.DisclosureRules;
import io.zhibu.disclosure.Obligations;
import io.zhibu.shared.rollup.RollupSource;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * 公开 figures per owing organization and month for the dashboards: {@code disclosure.due} — required (category,
 * period) pairs whose period ended in that month (months before the current one), and {@code disclosure.published}
 * — those of them with a published item. The 公开率 is published over due (a year's sum: the year's periods).
 * Figures move with the calendar (a period ending), so the nightly rebuild brings them up to date; a publication or
 * withdrawal marks the month its period ends.
 */
@Component
class DisclosureRollupSource implements RollupSource {
    private final DisclosureRepository repo;
    private final Obligations obligations;
    private final Clock clock;

    DisclosureRollupSource(DisclosureRepository repo, Obligations obligations, Clock clock) {
        this.repo = repo;
        this.obligations = obligations;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "disclosure";
    }

    @Override
    public Kind kind() {
        return Kind.MONTHLY;
    }

    @Override
    public void ownValues(Collection<Long> orgIds, YearMonth from, YearMonth to, Sink sink) {
        List<Obligations.Owing> owing = obligations.of(orgIds);
        emit(owing, repo.publishedKeys(orgIds == null ? null : owing.stream().map(o -> o.org().id()).toList()), from, to,
                true, sink);
    }

    @Override
    public void liveSubtreeValues(String path, YearMonth from, YearMonth to, Sink sink) {
        List<Obligations.Owing> owing = obligations.under(path);
        emit(owing, repo.publishedKeys(owing.stream().map(o -> o.org().id()).toList()), from, to, false, sink);
    }

    private void emit(List<Obligations.Owing> owing, Set<String> published, YearMonth from, YearMonth to, boolean perOrg,
                      Sink sink) {
        YearMonth last = YearMonth.now(clock).minusMonths(1);
        YearMonth end = to.isAfter(last) ? last : to;
        for (YearMonth m = from; !m.isAfter(end); m = m.plusMonths(1)) {
            long dueAll = 0;
            long doneAll = 0;
            for (Obligations.Owing o : owing) {
                long due = 0;
                long done = 0;
                for (DisclosureProperties.Requirement r : o.requirements()) {
                    var key = DisclosureRules.endingIn(r.cadence(), m);
                    if (key.isEmpty()) {
                        continue;
                    }
                    due++;
                    if (published.contains(DisclosureRepository.key(o.org().id(), r.category(), key.get()))) {
                        done++;
                    }
                }
                if (perOrg && due > 0) {
                    sink.accept(o.org().id(), m, "disclosure.due", due);
                    if (done > 0) {
                        sink.accept(o.org().id(), m, "disclosure.published", done);
                    }
                }
                dueAll += due;
                doneAll += done;
            }
            if (!perOrg && dueAll > 0) {
                sink.accept(0, m, "disclosure.due", dueAll);
                if (doneAll > 0) {
                    sink.accept(0, m, "disclosure.published", doneAll);
                }
            }
        }
    }
}
