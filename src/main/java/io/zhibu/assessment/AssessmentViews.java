package io.zhibu.assessment;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Records of the assessment API and pages (考核评价). */
public final class AssessmentViews {
    private AssessmentViews() {
    }

    /** A shipped preset an organization department copies and edits. */
    /**
     * A shipped preset: counts, the aspect names as the source report wrote them, and the vetoes ({@code vetoes}
     * counts all of them, {@code activeVetoes} those that apply — a disabled one is kept for fidelity).
     */
    public record PresetInfo(String id, String name, String domain, int aspects, int items, int vetoes, int standards,
                             int activeVetoes, java.util.List<String> aspectNames, java.util.List<String> vetoNames,
                             String note) {
    }

    public record SystemSummary(long id, String code, String name, int year, String domain, int versionNo,
                                BigDecimal total, long ownerOrgId, String createdBy, OffsetDateTime createdAt) {
    }

    public record SystemView(SystemSummary summary, StandardSystem system) {
    }

    /** Save a system (new version when code, year and domain exist for the owner): from a preset or a full body. */
    public record SystemForm(Long ownerOrgId, Integer year, String preset, StandardSystem system) {
    }

    /**
     * Open a campaign of one system; with {@code family} (e.g. {@code minhang-five-good}) each branch is scored with the
     * standard of its type and domain ({@link io.zhibu.assessment.ApplicablePresets}: an edited copy saved for the year,
     * else the shipped preset), the system giving the tiers.
     */
    public record CampaignForm(Long orgId, Long systemId, String name, String family) {
        public CampaignForm(Long orgId, Long systemId, String name) {
            this(orgId, systemId, name, null);
        }
    }

    /** One standard applied in a campaign scored by domain, and how many branches it scores. */
    public record AppliedStandard(String code, String name, int branches) {
    }

    public record CampaignStats(int branches, Map<Integer, Integer> stars, int passed, BigDecimal passRate,
                                BigDecimal averageScore, int vetoed, int selfSubmitted, int sampled, int checked) {
    }

    public record CampaignView(long id, String name, int year, long orgId, String orgName, long systemId,
                               String systemName, int systemVersion, String status, int branches, Long scoreMs,
                               OffsetDateTime scoredAt, OffsetDateTime publishedAt, int version, boolean manageable,
                               CampaignStats stats, String family, List<AppliedStandard> applied) {
    }

    /** One branch of the ranking, with last year's published result of the same branch for comparison. */
    public record ResultRow(long orgId, String orgName, BigDecimal score, int stars, String tierLabel,
                            List<String> vetoes, Integer rank, boolean selfSubmitted, boolean sampled, boolean checked,
                            BigDecimal lastYearScore, Integer lastYearStars) {
    }

    /** One scored item: the fact and its source records for derived items, the self and checked entries. */
    public record ItemScore(String aspect, String standard, String code, String name, BigDecimal points, String mode,
                            String fact, BigDecimal factValue, String factDetail, String sourceLink,
                            BigDecimal derived, BigDecimal self, String selfNote, BigDecimal checked,
                            String checkReason, BigDecimal score) {
    }

    public record VetoResult(String code, String name, String fact, BigDecimal value, boolean judged, boolean hit,
                             String sourceLink) {
    }

    /** What the result row keeps as JSON: the self-explaining breakdown. */
    public record Breakdown(List<ItemScore> items, List<VetoResult> vetoes, String rule, String tierText) {
    }

    public record Evidence(long id, String itemCode, String fileName, long sizeBytes, String createdBy,
                           OffsetDateTime createdAt) {
    }

    public record ResultDetail(long campaignId, String campaignName, int year, String campaignStatus, long orgId,
                               String orgName, BigDecimal score, int stars, String tierLabel, String rule,
                               String tierText, List<ItemScore> items, List<VetoResult> vetoes, Integer rank,
                               String selfComment, OffsetDateTime selfSubmittedAt, boolean sampled,
                               OffsetDateTime checkedAt, String checkedBy, String rectification,
                               List<Evidence> evidence, int version, boolean canSelfCheck, boolean canSpotCheck) {
    }

    /** A score or note for one item; in a spot check {@code note} is the mandatory reason. */
    public record ItemEntry(String code, BigDecimal score, String note) {
    }

    public record SelfCheckForm(List<ItemEntry> items, String comment, Boolean submit) {
    }

    public record SpotCheckForm(List<ItemEntry> items, List<String> vetoes, String rectification) {
    }

    /** RANDOM with {@code size} (and an optional seed for a reproducible draw) or ALL. */
    public record SampleForm(String mode, Integer size, Long seed) {
    }

    /** The public answer for dashboards: a branch's published stars of a year. */
    public record BranchStars(long orgId, String orgName, int year, long campaignId, BigDecimal score, int stars,
                              boolean vetoed) {
    }
}
