package io.zhibu.assessment;

import static io.zhibu.db.Tables.ASSESSMENT_RESULT;

import io.zhibu.assessment.AssessmentViews.BranchStars;
import io.zhibu.assessment.internal.AssessmentRepository;
import io.zhibu.shared.DataScope;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.Record;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public query API for other modules (e.g. the supervision dashboard): the published stars of each branch in the
 * caller's subtree for a year. One query over the subtree; a branch in several published campaigns of the year
 * answers with the latest campaign.
 */
@Service
public class AssessmentResults {
    private final AssessmentRepository repo;

    public AssessmentResults(AssessmentRepository repo) {
        this.repo = repo;
    }

    @Transactional(readOnly = true)
    public Map<Long, BranchStars> starsByBranch(int year, DataScope scope) {
        Map<Long, BranchStars> out = new LinkedHashMap<>();
        for (Record r : repo.publishedOfYear(year, scope.orgPath())) {
            out.put(r.get(ASSESSMENT_RESULT.ORG_ID), new BranchStars(r.get(ASSESSMENT_RESULT.ORG_ID),
                    r.get(ASSESSMENT_RESULT.ORG_NAME), year, r.get(ASSESSMENT_RESULT.CAMPAIGN_ID),
                    r.get(ASSESSMENT_RESULT.TOTAL_SCORE), r.get(ASSESSMENT_RESULT.STARS), r.get(ASSESSMENT_RESULT.VETOES) != null));
        }
        return out;
    }
}
