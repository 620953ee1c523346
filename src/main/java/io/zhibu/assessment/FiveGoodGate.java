package io.zhibu.assessment;

import io.zhibu.assessment.StandardSystem.Veto;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 闵行“五好”申报门槛 (Minhang report, seed 001: "四条高压线：有不合格党员、违纪违法党员、超计划生育及重大治安和刑事案件
 * 发生，任何一条不能申报"; rules.md §8.1 vetoes): a branch may apply for the 五好 title of a year only when none of the
 * system's active high-voltage lines is hit. A fact line is hit by its fact ({@code fact op threshold}); a judged
 * line (e.g. 重大治安和刑事案件) by the superior's mark. A disabled line (超计划生育, national policy changed in 2021)
 * never blocks. Pure; the application service passes the facts and marks it knows.
 */
public final class FiveGoodGate {
    private FiveGoodGate() {
    }

    /** The outcome: {@code hit} names each line that bars the application (empty: the branch may apply). */
    public record Verdict(List<Veto> hit) {
        public boolean mayApply() {
            return hit.isEmpty();
        }
    }

    public static Verdict check(StandardSystem system, Map<String, BigDecimal> facts, Set<String> judgedHit) {
        List<Veto> hit = new ArrayList<>();
        for (Veto v : system.vetoList()) {
            boolean isHit = v.judged() ? judgedHit.contains(v.code())
                    : facts.get(v.fact()) != null && StarRating.hit(v, facts.get(v.fact())) || judgedHit.contains(v.code());
            if (isHit) {
                hit.add(v);
            }
        }
        return new Verdict(List.copyOf(hit));
    }
}
