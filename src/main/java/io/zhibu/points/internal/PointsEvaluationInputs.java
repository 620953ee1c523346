package io.zhibu.points.internal;

import io.zhibu.db.tables.records.PointsMemberYearRecord;
import io.zhibu.meeting.EvaluationInputs;
import io.zhibu.points.PointRules;
import io.zhibu.points.PointsService;
import io.zhibu.points.StarTiers;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The members' year points and stars (积分定星) for 民主评议 as reference input (§8.4: "the points feed the democratic
 * evaluation as input, never as an automatic grade"). A known member without postings has the base points.
 */
@Component
class PointsEvaluationInputs implements EvaluationInputs {
    private final PointsRepository repo;
    private final PointRules rules;
    private final StarTiers tiers;

    PointsEvaluationInputs(PointsRepository repo, PointsService points) {
        this.repo = repo;
        this.rules = points.pointRules();
        this.tiers = points.starTiers();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, PointsReference> pointsOf(Collection<Long> memberIds, int year) {
        List<Long> ids = List.copyOf(memberIds);
        Map<Long, Integer> ledger = new HashMap<>();
        for (PointsMemberYearRecord r : repo.years(ids, year)) {
            ledger.put(r.getMemberId(), r.getPoints());
        }
        Map<Long, PointsReference> out = new HashMap<>();
        for (Long id : repo.known(ids)) {
            int total = rules.total(ledger.getOrDefault(id, 0));
            out.put(id, new PointsReference(year, total, tiers.stars(total)));
        }
        return out;
    }
}
