package io.zhibu.assessment.internal;

import io.zhibu.assessment.BranchFactSource;
import io.zhibu.assessment.SurveyRates;
import io.zhibu.db.tables.records.AssessmentSurveyRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The three rates as facts (rules.md §8.1 veto "satisfaction &lt;60%"): per branch, the latest survey of the year with
 * at least one answer. Branches without one have no value (a veto on a missing value never fires; a derived item
 * scores 0). One query for the surveys and one for the counts of the whole subtree.
 */
@Component
public class SurveyFactSource implements BranchFactSource {
    public static final String SATISFACTION = "survey.satisfaction_rate";
    public static final String AWARENESS = "survey.awareness_rate";
    public static final String PARTICIPATION = "survey.participation_rate";
    private static final String LINK = "/assessment/surveys?orgId={orgId}";
    private final RectificationRepository repo;

    SurveyFactSource(RectificationRepository repo) {
        this.repo = repo;
    }

    @Override
    public List<FactDef> facts() {
        return List.of(new FactDef(SATISFACTION, null, "%", LINK), new FactDef(AWARENESS, null, "%", LINK),
                new FactDef(PARTICIPATION, null, "%", LINK));
    }

    @Override
    public List<BranchFact> collect(int year, LocalDate asOf, String subtreePath) {
        List<AssessmentSurveyRecord> surveys = repo.surveysOfYear(year, subtreePath);
        Map<Long, int[]> counts = repo.counts(surveys.stream().map(AssessmentSurveyRecord::getId).toList());
        Set<Long> done = new HashSet<>();
        List<BranchFact> out = new ArrayList<>();
        for (AssessmentSurveyRecord s : surveys) {
            int[] c = counts.get(s.getId());
            if (c == null || c[0] == 0 || !done.add(s.getOrgId())) {
                continue;
            }
            SurveyRates.Rates r = SurveyRates.of(c[0], c[1], c[2], c[3], c[4], s.getAudience());
            String detail = s.getTitle() + "：" + c[0] + " 份答卷";
            out.add(new BranchFact(s.getOrgId(), SATISFACTION, r.satisfaction(), detail));
            out.add(new BranchFact(s.getOrgId(), AWARENESS, r.awareness(), detail));
            out.add(new BranchFact(s.getOrgId(), PARTICIPATION, r.participation(), detail));
        }
        return out;
    }

    /** Satisfaction by org id (for the 软弱涣散 candidates). */
    public Map<Long, BigDecimal> satisfaction(int year, String subtreePath) {
        Map<Long, BigDecimal> out = new java.util.HashMap<>();
        for (BranchFact f : collect(year, null, subtreePath)) {
            if (SATISFACTION.equals(f.key())) {
                out.put(f.orgId(), f.value());
            }
        }
        return out;
    }
}
