package io.zhibu.command.internal;

import io.zhibu.command.ProjectKind;
import io.zhibu.command.ProjectState;
import io.zhibu.db.tables.records.CommandProjectDispatchRecord;
import io.zhibu.db.tables.records.CommandProjectRecord;
import io.zhibu.org.OrgNode;
import io.zhibu.org.OrgService;
import io.zhibu.org.OrgType;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.demo.LivedYear;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The region's project book (项目书, seed 002 Ulanqab: key, basic and innovation projects, quarterly reports, a
 * half-year dispatch, the year-end evaluation) for last year, evaluated, and for this year, in progress: the root
 * organization's catalogue of nine projects; the basic ones carried by every branch, the key ones by the lagging
 * branches (整顿转化), the townships (党群服务中心) and a third of the branches (网格化治理); the innovation ones
 * claimed by about one branch in eight (model branches more often). How far a branch gets follows its diligence
 * (the same for every module): plans, quarterly reports, completion and, last year, the score.
 */
@Component
class ProjectLivedYear implements LivedYear {
    private static final String BY = "demo-year";
    private static final String DEPT = "县委组织部";
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"};

    private record Spec(String code, ProjectKind kind, String title, String goal, String standard, String department) {
    }

    private static final List<Spec> CATALOGUE = List.of(
            new Spec("ZD-01", ProjectKind.KEY, "软弱涣散党组织整顿转化", "软弱涣散党组织年内全部整顿转化",
                    "一村一策、县级领导包联、年底验收销号", DEPT),
            new Spec("ZD-02", ProjectKind.KEY, "党群服务中心作用发挥", "乡镇党群服务中心功能完善、常态运行",
                    "功能室齐全、每周开放不少于5天、服务事项公开", DEPT),
            new Spec("ZD-03", ProjectKind.KEY, "党建引领网格化治理", "党组织全面嵌入网格，党员联系户全覆盖",
                    "网格党小组健全、党员亮身份、问题按期办结", "县委政法委"),
            new Spec("JC-01", ProjectKind.BASIC, "三会一课规范化", "三会一课按期召开、记录规范",
                    "支部党员大会每季度一次、支委会每月一次、党小组会每月一次、党课每季度一次", DEPT),
            new Spec("JC-02", ProjectKind.BASIC, "党员教育管理提质", "党员学习教育常态化、学时达标",
                    "每名党员年度学习不少于32学时、流动党员纳入管理", "县委组织部党员教育中心"),
            new Spec("JC-03", ProjectKind.BASIC, "支部“五化”建设", "支部建设标准化规范化",
                    "组织设置、班子队伍、组织生活、阵地建设、基础保障五方面达标", DEPT),
            new Spec("CX-01", ProjectKind.INNOVATION, "村党组织带头人能力提升", "带头人队伍能力素质明显提升",
                    "轮训全覆盖、一人一档、年度述职", DEPT),
            new Spec("CX-02", ProjectKind.INNOVATION, "党建引领集体经济发展", "村集体经济收入稳步增长",
                    "一村一策、党支部领办合作社", "县农业农村局"),
            new Spec("CX-03", ProjectKind.INNOVATION, "为民服务信息化", "为民服务事项网上办、掌上办",
                    "服务事项清单化、办理进度可查询", "县数据局"));

    private final ProjectRepository repo;
    private final OrgService orgs;
    private final TransactionTemplate tx;

    ProjectLivedYear(ProjectRepository repo, OrgService orgs, TransactionTemplate tx) {
        this.repo = repo;
        this.orgs = orgs;
        this.tx = tx;
    }

    @Override
    public String name() {
        return "project book";
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    public long generate(Region region) {
        List<OrgNode> nodes = orgs.activeNodes().stream().filter(n -> region.covers(n.path()))
                .sorted(Comparator.comparing(OrgNode::path)).toList();
        OrgNode root = nodes.stream().filter(n -> n.id() == region.rootId()).findFirst().orElse(null);
        if (root == null) {
            return 0;
        }
        List<OrgNode> branches = nodes.stream().filter(n -> n.type() == OrgType.BRANCH).toList();
        List<OrgNode> townships = nodes.stream().filter(n -> n.depth() == root.depth() + 1 && n.type() == OrgType.COMMITTEE)
                .toList();
        Map<Long, Double> diligence = region.diligence(nodes.stream().filter(n -> n.type().holdsMembers())
                .map(OrgNode::id).toList());
        return tx.execute(s -> {
            long rows = 0;
            for (int year : List.of(region.today().getYear() - 1, region.today().getYear())) {
                if (!repo.codeTaken(root.id(), year, CATALOGUE.getFirst().code())) {
                    rows += year(region, root, year, branches, townships, diligence);
                }
            }
            return rows;
        });
    }

    private long year(Region region, OrgNode root, int year, List<OrgNode> branches, List<OrgNode> townships,
                      Map<Long, Double> diligence) {
        LocalDate today = region.today();
        boolean past = year < today.getYear();
        int quarters = past ? 4 : (today.getMonthValue() - 1) / 3 + 1;
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> reports = new ArrayList<>();
        for (Spec spec : CATALOGUE) {
            CommandProjectRecord p = new CommandProjectRecord();
            p.setRegionOrgId(OrgPath.idAt(root.path(), 1));
            p.setOrgId(root.id());
            p.setOrgPath(root.path());
            p.setOrgName(root.name());
            p.setProjectYear(year);
            p.setCode(spec.code());
            p.setKind(spec.kind());
            p.setTitle(spec.title());
            p.setGoal(spec.goal());
            p.setStandard(spec.standard());
            p.setMeasures("各乡镇党委、各党支部结合实际制定推进计划，每季度上报一次进展");
            p.setDepartment(spec.department());
            p.setAppliesTo(spec.kind() == ProjectKind.BASIC ? OrgType.BRANCH : null);
            p.setCreatedBy(BY);
            long id = repo.insert(p);
            for (OrgNode o : carriers(region, spec, branches, townships, diligence, year)) {
                double d = diligence.getOrDefault(o.id(), 0.9);
                SplittableRandom r = region.random("project-" + year + "-" + spec.code(), o.id());
                boolean planned = spec.kind() == ProjectKind.INNOVATION || r.nextDouble() < d + 0.1;
                int reported = 0;
                boolean done = false;
                if (planned) {
                    for (int q = 1; q <= quarters; q++) {
                        boolean current = !past && q == quarters;
                        if (r.nextDouble() >= (current ? d * 0.5 : d)) {
                            continue;
                        }
                        reported++;
                        boolean last = past ? q == 4 : current;
                        done = last && d >= (past ? 0.88 : 0.97) && reported == q;
                        LocalDate on = LocalDate.of(year, q * 3, 20).plusDays(r.nextInt(8));
                        if (on.isAfter(today.minusDays(1))) {
                            on = today.minusDays(1);
                        }
                        reports.add(new Object[] {id, o.id(), q, progress(spec, q, done), done, BY, at(on)});
                    }
                }
                ProjectState state = !planned ? ProjectState.ASSIGNED : done ? ProjectState.COMPLETED
                        : reported > 0 ? ProjectState.IN_PROGRESS : ProjectState.CLAIMED;
                BigDecimal score = null;
                if (past) {
                    double raw = planned ? (done ? 85 : 60) + 15 * d * r.nextDouble() : 30 * d;
                    score = BigDecimal.valueOf(Math.min(100, raw)).setScale(1, RoundingMode.HALF_UP);
                    state = ProjectState.EVALUATED;
                }
                LocalDate claimedOn = LocalDate.of(year, 2, 10).plusDays(r.nextInt(40));
                rows.add(new Object[] {id, o.id(), OrgPath.idAt(o.path(), 1), o.path(), o.name(), state.name(),
                        planned ? SURNAMES[r.nextInt(SURNAMES.length)] + "书记" : null,
                        planned ? "对照项目要求逐项落实，明确专人负责" : null,
                        planned ? "一季度摸底，二季度推进，三季度见效，四季度总结" : null,
                        planned ? LocalDate.of(year, 12, 20) : null, planned ? BY : null,
                        planned ? at(claimedOn.isAfter(today) ? today.minusDays(1) : claimedOn) : null, score,
                        past ? (score.compareTo(BigDecimal.valueOf(85)) >= 0 ? "完成较好" : "需加强推进") : null,
                        past ? BY : null, past ? at(LocalDate.of(year, 12, 28)) : null, 0});
            }
        }
        repo.bulkRows(rows);
        repo.bulkReports(reports);
        LocalDate held = LocalDate.of(year, 7, 15);
        if (!held.isAfter(today)) {
            CommandProjectDispatchRecord d = new CommandProjectDispatchRecord();
            d.setOrgId(root.id());
            d.setOrgPath(root.path());
            d.setProjectYear(year);
            d.setHeldOn(held);
            d.setNotes("召开项目书推进半年调度会，通报各项目进展，对进度滞后的组织提出整改要求。");
            d.setCreatedBy(BY);
            repo.insertDispatch(d);
        }
        return CATALOGUE.size() + rows.size() + reports.size();
    }

    private static List<OrgNode> carriers(Region region, Spec spec, List<OrgNode> branches, List<OrgNode> townships,
                                          Map<Long, Double> diligence, int year) {
        return switch (spec.code()) {
            case "ZD-01" -> branches.stream().filter(b -> Region.lagging(diligence.getOrDefault(b.id(), 0.9))).toList();
            case "ZD-02" -> townships;
            case "ZD-03" -> branches.stream().filter(b -> region.random("project-grid-" + year, b.id()).nextInt(3) == 0)
                    .toList();
            default -> spec.kind() == ProjectKind.BASIC ? branches : branches.stream().filter(b -> {
                double d = diligence.getOrDefault(b.id(), 0.9);
                return region.random("project-claim-" + year + spec.code(), b.id()).nextDouble() < (Region.model(d) ? 0.3 : 0.08);
            }).toList();
        };
    }

    private static String progress(Spec spec, int quarter, boolean done) {
        return done ? "「" + spec.title() + "」各项任务已全部完成，佐证材料已归档。"
                : "第" + quarter + "季度按计划推进「" + spec.title() + "」，完成阶段任务。";
    }

    private static OffsetDateTime at(LocalDate day) {
        return day.atTime(10, 0).atOffset(ZoneOffset.ofHours(8));
    }
}
