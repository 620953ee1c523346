package io.zhibu.venue.internal;

import io.zhibu.assessment.BranchFactSource;
import io.zhibu.venue.VenueTier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Venue facts for assessment, one query per subtree: {@code venue.tier} — the best latest tier among the branch's own
 * venues (0 不达标 or none, 1 简易型, 2 标准型, 3 示范型) — and {@code venue.below_standard} — 1 when the branch has
 * registered venues and none reaches 简易型 at its latest inspection (a venue never inspected does not reach it): the
 * Qingshen veto 阵地建设不达标. A branch without a registered venue is not flagged (nothing recorded, default 0).
 * Inspections after {@code asOf} are not looked back into: the latest tier is taken as it stands.
 */
@Component
class VenueFactSource implements BranchFactSource {
    static final String TIER = "venue.tier";
    static final String BELOW = "venue.below_standard";
    private final VenueRepository repo;

    VenueFactSource(VenueRepository repo) {
        this.repo = repo;
    }

    @Override
    public List<FactDef> facts() {
        return List.of(new FactDef(TIER, BigDecimal.ZERO, "tier", "/venues?orgId={orgId}"),
                new FactDef(BELOW, BigDecimal.ZERO, "0/1", "/venues?orgId={orgId}"));
    }

    @Override
    public List<BranchFact> collect(int year, LocalDate asOf, String subtreePath) {
        Map<Long, Integer> best = new HashMap<>();
        Map<Long, String> bestName = new HashMap<>();
        for (VenueRepository.TierLine l : repo.tiersUnder(subtreePath)) {
            int level = l.tier() == null ? 0 : VenueTier.valueOf(l.tier()).level();
            if (!best.containsKey(l.orgId()) || level > best.get(l.orgId())) {
                best.put(l.orgId(), level);
                bestName.put(l.orgId(), l.name() + (l.tier() == null ? "（未检查）" : "（" + label(l.tier()) + "）"));
            }
        }
        List<BranchFact> out = new ArrayList<>();
        best.forEach((org, level) -> {
            out.add(new BranchFact(org, TIER, BigDecimal.valueOf(level), bestName.get(org)));
            out.add(new BranchFact(org, BELOW, level == 0 ? BigDecimal.ONE : BigDecimal.ZERO,
                    level == 0 ? "阵地不达标：" + bestName.get(org) : "阵地达标：" + bestName.get(org)));
        });
        return out;
    }

    private static String label(String tier) {
        return switch (VenueTier.valueOf(tier)) {
            case MODEL -> "示范型";
            case STANDARD -> "标准型";
            case BASIC -> "简易型";
            case BELOW_STANDARD -> "不达标";
        };
    }
}
