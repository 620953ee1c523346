package io.zhibu.meeting.internal;

import io.zhibu.shared.rollup.RollupSource;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * 四议两公开 落实率 for the supervision dashboards (rules.md §1.5): per village and month of its 党组织提议, the matters
 * started ({@code deliberation.started}) and those of them completed with all six steps ({@code deliberation.completed}).
 */
@Component
class DeliberationRollupSource implements RollupSource {
    private final DeliberationRepository repo;

    DeliberationRollupSource(DeliberationRepository repo) {
        this.repo = repo;
    }

    @Override
    public String name() {
        return "deliberation";
    }

    @Override
    public Kind kind() {
        return Kind.MONTHLY;
    }

    @Override
    public void ownValues(Collection<Long> orgIds, YearMonth from, YearMonth to, Sink sink) {
        if (orgIds != null && orgIds.isEmpty()) {
            return;
        }
        emit(repo.startedByOrg(orgIds, null, from.atDay(1), to.atEndOfMonth()), false, sink);
    }

    @Override
    public void liveSubtreeValues(String path, YearMonth from, YearMonth to, Sink sink) {
        emit(repo.startedByOrg(null, path, from.atDay(1), to.atEndOfMonth()), true, sink);
    }

    private static void emit(Iterable<org.jooq.Record4<Long, java.time.LocalDate, Integer, Integer>> rows, boolean summed,
                             Sink sink) {
        Map<Long, Map<YearMonth, long[]>> values = new HashMap<>();
        for (var r : rows) {
            long[] v = values.computeIfAbsent(summed ? 0L : r.value1(), k -> new HashMap<>())
                    .computeIfAbsent(YearMonth.from(r.value2()), k -> new long[2]);
            v[0] += r.value3();
            v[1] += r.value4();
        }
        values.forEach((org, months) -> months.forEach((m, v) -> {
            sink.accept(org, m, "deliberation.started", v[0]);
            if (v[1] != 0) {
                sink.accept(org, m, "deliberation.completed", v[1]);
            }
        }));
    }
}
