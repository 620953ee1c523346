package io.zhibu.assessment.internal;

import static io.zhibu.db.Tables.ASSESSMENT_CAMPAIGN;
import static io.zhibu.db.Tables.ASSESSMENT_RESULT;
import static io.zhibu.db.Tables.ASSESSMENT_SYSTEM;

import io.zhibu.assessment.StandardSystem;
import io.zhibu.assessment.StarRating;
import io.zhibu.warning.NoStarRiskRule;
import io.zhibu.warning.RuleSettings;
import io.zhibu.warning.WarningCandidate;
import io.zhibu.warning.WarningRule;
import io.zhibu.warning.WarningSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * R8.1 无星风险 facts: the branches of every open campaign (not yet published, or of the current year) whose stored
 * result hits a veto or scores below the lowest star tier of the campaign's system (plus the configured margin). One
 * query for the campaigns with their systems, then one filtered query per campaign over its result rows; the level is
 * {@link NoStarRiskRule}'s. The warning closes by itself once a rescore, self-check or spot check lifts the score or
 * clears the veto, or the campaign is published and its year is over.
 */
@Component
class NoStarRiskWarnings implements WarningSource {
    private final DSLContext db;

    NoStarRiskWarnings(DSLContext db) {
        this.db = db;
    }

    @Override
    public WarningRule rule() {
        return WarningRule.NO_STAR_RISK;
    }

    @Override
    public void candidates(LocalDate today, RuleSettings settings, Consumer<WarningCandidate> sink) {
        var c = ASSESSMENT_CAMPAIGN;
        var s = ASSESSMENT_SYSTEM;
        var r = ASSESSMENT_RESULT;
        var campaigns = db.select(c.ID, c.NAME, s.BODY).from(c).join(s).on(s.ID.eq(c.SYSTEM_ID))
                .where(c.STATUS.ne("PUBLISHED").or(c.ASSESS_YEAR.eq(today.getYear()))).orderBy(c.ID).fetch();
        for (var camp : campaigns) {
            StandardSystem system = CampaignEngine.JSON.readValue(camp.value3(), StandardSystem.class);
            BigDecimal lowest = StarRating.lowestTierMin(system.tierList());
            var vetoed = r.VETOES.isNotNull().and(r.VETOES.ne(""));
            var filter = lowest == null ? vetoed : vetoed.or(r.TOTAL_SCORE.lt(NoStarRiskRule.candidateBelow(lowest, settings)));
            try (var rows = db.select(r.ORG_ID, r.ORG_PATH, r.ORG_NAME, r.TOTAL_SCORE, r.VETOES).from(r)
                    .where(r.CAMPAIGN_ID.eq(camp.value1())).and(filter).orderBy(r.ORG_ID).fetchLazy()) {
                for (var row : rows) {
                    boolean veto = row.value5() != null && !row.value5().isBlank();
                    String level = NoStarRiskRule.level(row.value4(), lowest, veto, settings);
                    if (level == null) {
                        continue;
                    }
                    String detail = camp.value2() + " · " + (veto ? row.value5()
                            : row.value4().stripTrailingZeros().toPlainString() + " / " + lowest.stripTrailingZeros().toPlainString());
                    sink.accept(new WarningCandidate(WarningRule.NO_STAR_RISK,
                            "org:" + row.value1() + ":campaign:" + camp.value1(), row.value1(), row.value2(), null,
                            row.value3(), level, null, detail));
                }
            }
        }
    }
}
