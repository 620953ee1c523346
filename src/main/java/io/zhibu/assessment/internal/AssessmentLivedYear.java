package io.zhibu.assessment.internal;

import static io.zhibu.db.Tables.ASSESSMENT_RESULT;

import io.zhibu.assessment.AssessmentService;
import io.zhibu.assessment.AssessmentViews.CampaignForm;
import io.zhibu.assessment.AssessmentViews.CampaignView;
import io.zhibu.assessment.AssessmentViews.ResultRow;
import io.zhibu.assessment.AssessmentViews.SampleForm;
import io.zhibu.assessment.AssessmentViews.SystemForm;
import io.zhibu.assessment.AssessmentViews.SystemView;
import io.zhibu.assessment.StandardSystem;
import io.zhibu.assessment.SurveyService;
import io.zhibu.assessment.WeakLaxService;
import io.zhibu.db.tables.records.AssessmentEntryRecord;
import io.zhibu.org.OrgService;
import io.zhibu.org.Organization;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.Role;
import io.zhibu.shared.demo.LivedYear;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The assessment of a lived year (rules.md §8.1), through the module's services where they exist: the Qingshen 6+X and
 * Jiaozuo systems of the year, three-rate surveys of some branches with anonymous answers, the annual star-rating
 * campaign scored from the year's facts, the branches' self-check of the judged items (bulk: one entry per item, then
 * one full rescoring — a branch's judged points follow its standing, so stars spread over every tier), a seeded random
 * spot-check sample, publication, and the two weakest candidates designated 软弱涣散 with a rectification plan.
 */
@Component
class AssessmentLivedYear implements LivedYear {
    private static final DataScope SYSTEM = new DataScope(0, "system", Role.ADMIN, null, OrgPath.ROOT, null, null);
    private static final int SURVEY_CAP = 300;
    private static final String[][] JUDGED_NOTES = {
        {"B6a", "活动场所牌子、制度上墙，设施齐全"}, {"X1a", "村集体经济增收项目，党员带头示范"},
        {"X2a", "党员联系户全覆盖，为民办实事"}};

    private final AssessmentService service;
    private final SurveyService surveys;
    private final WeakLaxService weak;
    private final AssessmentRepository repo;
    private final RectificationRepository rectifications;
    private final OrgService orgs;
    private final TransactionTemplate tx;

    AssessmentLivedYear(AssessmentService service, SurveyService surveys, WeakLaxService weak, AssessmentRepository repo,
                        RectificationRepository rectifications, OrgService orgs, TransactionTemplate tx) {
        this.rectifications = rectifications;
        this.service = service;
        this.surveys = surveys;
        this.weak = weak;
        this.repo = repo;
        this.orgs = orgs;
        this.tx = tx;
    }

    @Override
    public String name() {
        return "assessment";
    }

    @Override
    public int order() {
        return 80;
    }

    @Override
    public long generate(Region region) {
        Organization root = orgs.get(SYSTEM, region.rootId());
        int year = YearMonth.from(region.today()).minusMonths(1).getYear();
        SplittableRandom r = region.random("assessment", region.rootId());
        SystemView qs = service.saveSystem(SYSTEM, new SystemForm(root.id(), year, "qingshen-6x", null));
        service.saveSystem(SYSTEM, new SystemForm(root.id(), year, "jiaozuo-7", null));
        long rows = 2;
        // three-rate surveys (三率测评) of some branches, answered anonymously before the rating
        List<Organization> branches = orgs.activeIn(SYSTEM, root.id(), List.of(io.zhibu.org.OrgType.BRANCH)).stream()
                .sorted(Comparator.comparing(Organization::path)).toList();
        // Qingshen rates 群众满意度测评 as one of its seven aspects (a derived item): every branch is surveyed (up to a
        // cap for the large demo regions), answers entered in one transaction per survey
        int surveyed = Math.min(SURVEY_CAP, branches.size());
        for (int i = 0; i < surveyed && i < branches.size(); i++) {
            Organization b = branches.get((int) ((long) i * branches.size() / surveyed));
            var s = surveys.open(SYSTEM, new SurveyService.SurveyForm(b.id(), year + " 年度三率测评", 30, year));
            int answers = 12 + r.nextInt(12);
            // answers of members and the public collected on paper slips and entered at once (the anonymous answer
            // page is rate-limited per address): each a respondent hash of its own, as the page stores them
            List<io.zhibu.db.tables.records.AssessmentSurveyAnswerRecord> batch = new ArrayList<>();
            for (int k = 0; k < answers; k++) {
                int u = r.nextInt(10);
                var a = new io.zhibu.db.tables.records.AssessmentSurveyAnswerRecord();
                a.setSurveyId(s.id());
                a.setRespondentHash(String.format("lived-%016x%016x", r.nextLong(), r.nextLong()));
                a.setAudienceKind(k % 3 == 0 ? "MEMBER" : "PUBLIC");
                a.setSatisfaction(u < 7 ? 2 : u < 9 ? 1 : 0);
                a.setAware(r.nextInt(10) < 8);
                a.setTookPart(r.nextInt(10) < 6);
                a.setAnsweredOn(region.today().minusDays(10 + r.nextInt(20)));
                batch.add(a);
            }
            tx.executeWithoutResult(st -> batch.forEach(rectifications::insertAnswer));
            rows += answers + 1;
        }
        CampaignView c = service.openCampaign(SYSTEM, new CampaignForm(root.id(), qs.summary().id(),
                year + " 年度支部星级评定"));
        long id = c.id();
        selfChecks(id, qs.system(), service.ranking(SYSTEM, id), region, year);
        service.rescore(SYSTEM, id);
        List<ResultRow> ranking = service.ranking(SYSTEM, id);
        service.sample(SYSTEM, id, new SampleForm("RANDOM", Math.max(1, ranking.size() / 10), region.seed()));
        service.publish(SYSTEM, id);
        rows += ranking.size();
        // 软弱涣散: the two weakest candidates, with a plan and a first progress report
        LocalDate today = region.today();
        var candidates = weak.candidates(SYSTEM, id);
        for (int i = 0; i < Math.min(2, candidates.size()); i++) {
            var cand = candidates.get(i);
            var d = weak.designate(SYSTEM, new WeakLaxService.DesignateForm(cand.orgId(), id,
                    cand.signals().stream().map(Enum::name).toList(),
                    "年度考核未评星，三会一课不正常，经党委研究列为软弱涣散党组织，限期整顿"));
            d = weak.addTask(SYSTEM, d.id(), new WeakLaxService.TaskForm("调整充实支部班子", "乡镇党委组织委员", today.plusMonths(2)));
            weak.addTask(SYSTEM, d.id(), new WeakLaxService.TaskForm("恢复三会一课，按月报告落实情况", "支部书记", today.plusMonths(3)));
            weak.addTask(SYSTEM, d.id(), new WeakLaxService.TaskForm("清理欠缴党费，逐人谈话提醒", "支部组织委员", today.plusMonths(1)));
            if (i == 0) {
                weak.report(SYSTEM, d.id(), new WeakLaxService.ProgressForm(d.tasks().getFirst().id(), "DOING",
                        "已召开支委会研究班子调整方案，报乡镇党委审核"));
            }
            rows++;
        }
        return rows;
    }

    /**
     * 自查: every branch scores its judged items (阵地建设 and the two X items). The points follow the branch's derived
     * standing — the best 15 % reach five stars, the next 45 % four, the next 30 % three, the rest stay below —
     * capped by each item's points; all entries in one batch, results marked submitted.
     */
    private void selfChecks(long campaignId, StandardSystem system, List<ResultRow> rows, Region region, int year) {
        List<StandardSystem.Item> judged = system.items().stream()
                .filter(i -> i.mode() == StandardSystem.ScoringMode.JUDGED).toList();
        if (judged.isEmpty()) {
            return;
        }
        List<ResultRow> ordered = new ArrayList<>(rows);
        ordered.sort(Comparator.comparing(ResultRow::score).reversed().thenComparing(ResultRow::orgId));
        BigDecimal max = judged.stream().map(StandardSystem.Item::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        OffsetDateTime at = LocalDate.of(year, 12, 1).isBefore(region.today())
                ? LocalDate.of(year, 12, 1).atTime(10, 0).atOffset(ZoneOffset.ofHours(8))
                : region.today().atStartOfDay().atOffset(ZoneOffset.ofHours(8));
        java.util.Map<Long, String> paths = new java.util.HashMap<>();
        for (var line : repo.resultLines(campaignId, null)) {
            paths.put(line.get(ASSESSMENT_RESULT.ORG_ID), line.get(ASSESSMENT_RESULT.ORG_PATH));
        }
        List<AssessmentEntryRecord> entries = new ArrayList<>();
        int n = ordered.size();
        for (int k = 0; k < n; k++) {
            ResultRow row = ordered.get(k);
            SplittableRandom r = region.random("self-check", row.orgId());
            double q = (k + 0.5) / n;
            double target = q < 0.15 ? 95.5 + 3.5 * r.nextDouble() : q < 0.60 ? 81 + 13 * r.nextDouble()
                    : q < 0.90 ? 61 + 18 * r.nextDouble() : 40 + 15 * r.nextDouble();
            BigDecimal want = BigDecimal.valueOf(target).subtract(row.score()).max(max.multiply(new BigDecimal("0.3")))
                    .min(max);
            double share = want.divide(max, 6, RoundingMode.HALF_UP).doubleValue();
            for (StandardSystem.Item item : judged) {
                BigDecimal pts = item.points().multiply(BigDecimal.valueOf(share)).setScale(1, RoundingMode.HALF_UP)
                        .min(item.points());
                AssessmentEntryRecord e = new AssessmentEntryRecord();
                e.setCampaignId(campaignId);
                e.setOrgId(row.orgId());
                e.setOrgPath(paths.get(row.orgId()));
                e.setItemCode(item.code());
                e.setKind("SELF");
                e.setScore(pts.setScale(2, RoundingMode.HALF_UP));
                e.setNote(noteOf(item.code()));
                e.setActor("system");
                e.setCreatedAt(at);
                entries.add(e);
            }
        }
        tx.executeWithoutResult(s -> {
            repo.insertEntries(entries);
            repo.db().update(ASSESSMENT_RESULT).set(ASSESSMENT_RESULT.SELF_SUBMITTED_AT, at)
                    .set(ASSESSMENT_RESULT.SELF_COMMENT, "对照标准逐项自查，材料已上传")
                    .where(ASSESSMENT_RESULT.CAMPAIGN_ID.eq(campaignId)).execute();
        });
    }

    private static String noteOf(String code) {
        for (String[] n : JUDGED_NOTES) {
            if (n[0].equals(code)) {
                return n[1];
            }
        }
        return "对照标准自查";
    }
}
