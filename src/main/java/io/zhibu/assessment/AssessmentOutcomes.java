package io.zhibu.assessment;

import static io.zhibu.db.Tables.ASSESSMENT_RESULT;

import io.zhibu.assessment.internal.AssessmentRepository;
import io.zhibu.assessment.internal.RectificationRepository;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.NotFoundException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Record;
import org.springframework.stereotype.Service;

/**
 * 考评结果运用 (issue 18 point 5, rules.md §8.1/§8.2): the published stars of a year act. The branches at the top
 * tier of their campaign's system with no veto are the 评先评优 candidates; the branches with no star (below the lowest
 * tier or vetoed — Qingshen: "未评上星级的…列为软弱涣散党组织，次年集中整顿") are the next year's 软弱涣散 candidates,
 * designated for 集中整顿 through the existing {@link WeakLaxService} (a person designates; the list only proposes).
 * Reads only published campaigns; a branch in several published campaigns of the year answers with the latest.
 */
@Service
public class AssessmentOutcomes {
    private final AssessmentRepository repo;
    private final RectificationRepository weakRepo;
    private final WeakLaxService weak;

    public AssessmentOutcomes(AssessmentRepository repo, RectificationRepository weakRepo, WeakLaxService weak) {
        this.repo = repo;
        this.weak = weak;
        this.weakRepo = weakRepo;
    }

    /** A branch of the year's published results, with the stars of its campaign's top tier. */
    public record Candidate(long orgId, String orgName, long campaignId, String campaignName, BigDecimal score,
                            int stars, int topStars, List<String> vetoes, boolean designated) {
    }

    /** The year's outcomes in the caller's subtree: 评先评优 candidates and next year's 软弱涣散 candidates. */
    public record Outcomes(int year, int published, List<Candidate> honours, List<Candidate> weakNextYear) {
    }

    /** Designate a no-star branch of {@code year} for 集中整顿 (the superior's act, through WeakLaxService). */
    public record DesignateForm(Long orgId, Integer year, String reason) {
    }

    public Outcomes outcomes(DataScope scope, int year) {
        if (scope.selfOnly() || !scope.canReadOrgs()) {
            throw new ForbiddenException("assessment results are for organizations");
        }
        Map<Long, Record> latest = latest(year, scope.orgPath());
        Map<Long, Integer> topStars = new HashMap<>();
        Map<Long, String> campaignNames = new HashMap<>();
        Map<Long, Long> active = weakRepo.activeByOrg(scope.orgPath());
        List<Candidate> honours = new ArrayList<>();
        List<Candidate> weakNext = new ArrayList<>();
        for (Record r : latest.values()) {
            long campaign = r.get(ASSESSMENT_RESULT.CAMPAIGN_ID);
            int top = topStars.computeIfAbsent(campaign, this::topStarsOf);
            String cname = campaignNames.computeIfAbsent(campaign, id -> repo.campaign(id).map(c -> c.getName()).orElse(""));
            String v = r.get(ASSESSMENT_RESULT.VETOES);
            List<String> vetoes = v == null ? List.of() : List.of(v.split(","));
            long orgId = r.get(ASSESSMENT_RESULT.ORG_ID);
            int stars = r.get(ASSESSMENT_RESULT.STARS);
            Candidate c = new Candidate(orgId, r.get(ASSESSMENT_RESULT.ORG_NAME), campaign, cname,
                    r.get(ASSESSMENT_RESULT.TOTAL_SCORE), stars, top, vetoes, active.containsKey(orgId));
            if (top > 0 && stars == top && vetoes.isEmpty()) {
                honours.add(c);
            }
            if (stars == 0) {
                weakNext.add(c);
            }
        }
        honours.sort(java.util.Comparator.comparing(Candidate::score).reversed().thenComparing(Candidate::orgId));
        weakNext.sort(java.util.Comparator.comparing(Candidate::score).thenComparing(Candidate::orgId));
        return new Outcomes(year, latest.size(), honours, weakNext);
    }

    /**
     * 列入次年集中整顿: the superior designates a no-star branch of the published results of {@code year} through
     * {@link WeakLaxService#designate} (signal NO_STAR, the campaign linked, audited there; 409 when already on the list).
     */
    public WeakLaxService.Detail designateNextYear(DataScope scope, DesignateForm form) {
        if (form == null || form.orgId() == null) {
            throw InvalidInputException.of("orgId", "validation.required");
        }
        if (form.year() == null || form.year() < 2000 || form.year() > 2100) {
            throw InvalidInputException.of("year", "assessment.year.invalid");
        }
        Record r = latest(form.year(), scope.orgPath()).get(form.orgId());
        if (r == null || !scope.covers(r.get(ASSESSMENT_RESULT.ORG_PATH))) {
            throw new NotFoundException("published result", form.orgId());
        }
        if (r.get(ASSESSMENT_RESULT.STARS) != 0) {
            throw InvalidInputException.of("orgId", "assessment.outcomes.hasStars");
        }
        String reason = form.reason() == null || form.reason().isBlank()
                ? form.year() + " 年度考评未评上星级，列为软弱涣散基层党组织，"
                        + WeakLaxRules.defaultRectifyYear(form.year(), true) + " 年集中整顿"
                : form.reason();
        return weak.designate(scope, new WeakLaxService.DesignateForm(form.orgId(), r.get(ASSESSMENT_RESULT.CAMPAIGN_ID),
                List.of(WeakLaxRules.Signal.NO_STAR.name()), reason, WeakLaxRules.defaultRectifyYear(form.year(), true)));
    }

    private Map<Long, Record> latest(int year, String scopePath) {
        Map<Long, Record> out = new LinkedHashMap<>();
        for (Record r : repo.publishedOfYearWithPath(year, scopePath)) {
            out.put(r.get(ASSESSMENT_RESULT.ORG_ID), r); // ordered by campaign: the latest wins
        }
        return out;
    }

    private int topStarsOf(long campaignId) {
        return repo.campaign(campaignId).flatMap(c -> repo.system(c.getSystemId()))
                .map(s -> AssessmentService.body(s).tierList().stream().mapToInt(StandardSystem.Tier::stars).max().orElse(0))
                .orElse(0);
    }
}
