package io.zhibu.commandfacts;

import io.zhibu.assessment.BranchFactSource;
import io.zhibu.command.DebriefService;
import io.zhibu.command.ObservationScored;
import io.zhibu.command.ObservationService;
import io.zhibu.command.ProjectEvaluated;
import io.zhibu.command.ProjectService;
import io.zhibu.command.SecretaryGradedPoor;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Facts of the command loop for assessment, per branch and year:
 * {@code command.secretary_poor} — 1 when a published 述职评议 of the year graded the branch's secretary 差
 * ({@link SecretaryGradedPoor}; a standard system's veto item on it makes the branch a weak-and-lax candidate,
 * rules.md §8.2 书记不胜任); {@code command.projects_completed} and {@code command.project_score} — the project
 * book's evaluated projects of the year that were completed, and the sum of their scores ({@link ProjectEvaluated});
 * {@code command.observation_rate} — the best published on-site observation score of the year, in percent of the
 * sheet's maximum ({@link ObservationScored}). Branches without records get 0.
 */
@Component
public class CommandFactSource implements BranchFactSource {
    public static final String SECRETARY_POOR = "command.secretary_poor";
    public static final String PROJECTS_COMPLETED = "command.projects_completed";
    public static final String PROJECT_SCORE = "command.project_score";
    public static final String OBSERVATION_RATE = "command.observation_rate";

    private final DebriefService debriefs;
    private final ProjectService projects;
    private final ObservationService observations;

    public CommandFactSource(DebriefService debriefs, ProjectService projects, ObservationService observations) {
        this.debriefs = debriefs;
        this.projects = projects;
        this.observations = observations;
    }

    @Override
    public List<FactDef> facts() {
        return List.of(new FactDef(SECRETARY_POOR, BigDecimal.ZERO, "0/1", "/debriefs?orgId={orgId}&year={year}"),
                new FactDef(PROJECTS_COMPLETED, BigDecimal.ZERO, "count", "/projects/orgs/{orgId}?year={year}"),
                new FactDef(PROJECT_SCORE, BigDecimal.ZERO, "points", "/projects/orgs/{orgId}?year={year}"),
                new FactDef(OBSERVATION_RATE, BigDecimal.ZERO, "%", "/observations"));
    }

    @Override
    public List<BranchFact> collect(int year, LocalDate asOf, String subtreePath) {
        List<BranchFact> out = new ArrayList<>();
        Map<Long, String> poor = new HashMap<>();
        for (SecretaryGradedPoor p : debriefs.poorGrades(year, subtreePath)) {
            poor.putIfAbsent(p.orgId(), "述职评议综合等次为差（" + p.score() + " 分）");
        }
        poor.forEach((org, detail) -> out.add(new BranchFact(org, SECRETARY_POOR, BigDecimal.ONE, detail)));

        Map<Long, long[]> completed = new HashMap<>();
        Map<Long, BigDecimal> score = new HashMap<>();
        for (ProjectEvaluated e : projects.results(year, subtreePath)) {
            completed.computeIfAbsent(e.orgId(), k -> new long[2])[0] += e.completed() ? 1 : 0;
            completed.get(e.orgId())[1]++;
            score.merge(e.orgId(), e.score() == null ? BigDecimal.ZERO : e.score(), BigDecimal::add);
        }
        completed.forEach((org, c) -> {
            out.add(new BranchFact(org, PROJECTS_COMPLETED, BigDecimal.valueOf(c[0]),
                    "项目书：已评价 " + c[1] + " 个，完成 " + c[0] + " 个"));
            out.add(new BranchFact(org, PROJECT_SCORE, score.get(org), "项目书年终评价得分合计 " + score.get(org)));
        });

        Map<Long, BigDecimal> best = new HashMap<>();
        for (ObservationScored s : observations.results(year, subtreePath)) {
            if (s.maxTotal() <= 0) {
                continue;
            }
            BigDecimal rate = s.total().multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(s.maxTotal()), 1,
                    RoundingMode.HALF_UP);
            best.merge(s.orgId(), rate, BigDecimal::max);
        }
        best.forEach((org, rate) -> out.add(new BranchFact(org, OBSERVATION_RATE, rate, "观摩评比最高得分率 " + rate + "%")));
        return out;
    }
}
