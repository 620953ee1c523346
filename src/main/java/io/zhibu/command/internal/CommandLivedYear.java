package io.zhibu.command.internal;

import io.zhibu.command.DispatchItemStatus;
import io.zhibu.command.ObservationStatus;
import io.zhibu.db.tables.records.CommandDispatchItemRecord;
import io.zhibu.db.tables.records.CommandObservationRecord;
import io.zhibu.db.tables.records.CommandObservationTemplateRecord;
import io.zhibu.org.OrgNode;
import io.zhibu.org.OrgService;
import io.zhibu.org.OrgType;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.demo.LivedYear;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The region's weekly dispatch (周调度, seed 003 Xintian) and on-site observation (观摩, Jiaozuo) for the lived year, so
 * that {@code /dispatch} and {@code /observations} of the demo county are not empty: the root and each of its
 * children (the county and its townships) held a dispatch meeting every week of the last {@value #WEEKS} weeks,
 * raising two to four items each with an owner and a due date — settled ones (办结, now and then 撤销), a few still
 * open past their date, this week's open; and the root observed branches three times in the year (published, scored
 * with one template, each branch's points following its diligence) with a fourth visit planned for next week.
 * Written through this module's repositories only, deterministic for the seed and day.
 */
@Component
class CommandLivedYear implements LivedYear {
    static final int WEEKS = 8;
    private static final String BY = "demo-year";
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"};
    private static final String[] GIVEN = {"建国", "海燕", "志强", "丽娟", "国平", "春梅", "卫东", "秀英", "晓明", "红梅"};
    private static final String[] ROOT_ITEMS = {
            "督促各乡镇完成本月三会一课录入", "软弱涣散村党组织整顿进展汇报", "党员发展计划执行情况排查",
            "党费收缴进度通报，欠缴支部限期整改", "党群服务中心开放情况抽查", "换届到期党组织摸排",
            "流动党员信息核对", "主题党日活动方案审核", "基层党建观摩点位确定", "年度述职评议准备"};
    private static final String[] TOWNSHIP_ITEMS = {
            "各村支部本周党员大会落实情况", "入户走访困难党员", "村级党务公开栏更新",
            "发展对象培训报名", "网格党小组问题清单办理", "支部台账资料补齐", "党员积分月度公示"};
    private static final List<String> LABELS = List.of("组织设置规范", "班子队伍建设", "组织生活落实", "阵地建设达标",
            "档案资料完整");
    private static final List<Integer> MAX = List.of(20, 20, 25, 20, 15);
    private static final String[] GOOD = {"班子团结有力，组织生活规范，台账清晰，可作示范点。",
            "阵地功能齐全，党员活动室常态开放，群众评价好。"};
    private static final String[] FAIR = {"组织生活基本正常，记录需进一步规范。", "阵地建设达标，档案资料有缺项，限期补齐。"};
    private static final String[] WEAK = {"三会一课落实不到位，班子作用发挥不明显，列入重点整改。",
            "档案资料缺失较多，活动阵地使用率低，需跟踪督导。"};

    private final DispatchRepository dispatch;
    private final ObservationRepository observations;
    private final OrgService orgs;
    private final TransactionTemplate tx;

    CommandLivedYear(DispatchRepository dispatch, ObservationRepository observations, OrgService orgs,
                     TransactionTemplate tx) {
        this.dispatch = dispatch;
        this.observations = observations;
        this.orgs = orgs;
        this.tx = tx;
    }

    @Override
    public String name() {
        return "dispatch and observation";
    }

    @Override
    public int order() {
        return 95;
    }

    @Override
    public long generate(Region region) {
        List<OrgNode> nodes = orgs.activeNodes().stream().filter(n -> region.covers(n.path()))
                .sorted(Comparator.comparing(OrgNode::path)).toList();
        OrgNode root = nodes.stream().filter(n -> n.id() == region.rootId()).findFirst().orElse(null);
        if (root == null || root.type().holdsMembers()) {
            return 0;
        }
        List<OrgNode> branches = nodes.stream().filter(n -> n.type() == OrgType.BRANCH).toList();
        Map<Long, Double> diligence = region.diligence(nodes.stream().filter(n -> n.type().holdsMembers())
                .map(OrgNode::id).toList());
        List<OrgNode> levels = new ArrayList<>();
        levels.add(root);
        nodes.stream().filter(n -> n.parentId() != null && n.parentId() == root.id() && !n.type().holdsMembers())
                .forEach(levels::add);
        return tx.execute(s -> {
            long rows = 0;
            for (OrgNode level : levels) {
                if (!dispatch.anyBy(level.id(), BY)) {
                    rows += dispatchWeeks(region, level, nodes, level == root ? ROOT_ITEMS : TOWNSHIP_ITEMS);
                }
            }
            if (!observations.anyBy(root.path(), BY) && !branches.isEmpty()) {
                rows += observe(region, root, branches, diligence);
            }
            return rows;
        });
    }

    private static String person(SplittableRandom r) {
        return SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)];
    }

    private static OffsetDateTime at(LocalDate day, int hourUtc) {
        return day.atTime(hourUtc, 0).atOffset(ZoneOffset.UTC);
    }

    private long dispatchWeeks(Region region, OrgNode level, List<OrgNode> nodes, String[] titles) {
        LocalDate today = region.today();
        LocalDate thisWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<OrgNode> owners = nodes.stream().filter(n -> n.parentId() != null && n.parentId() == level.id()).toList();
        List<CommandDispatchItemRecord> items = new ArrayList<>();
        for (int w = WEEKS - 1; w >= 0; w--) {
            LocalDate week = thisWeek.minusWeeks(w);
            SplittableRandom r = region.random("dispatch", level.id() * 100 + w);
            int n = 2 + r.nextInt(3);
            for (int i = 0; i < n; i++) {
                CommandDispatchItemRecord x = new CommandDispatchItemRecord();
                x.setRegionOrgId(OrgPath.idAt(level.path(), 1));
                x.setOrgId(level.id());
                x.setOrgPath(level.path());
                x.setWeekStart(week);
                x.setTitle(titles[(int) ((w * 3L + i + level.id()) % titles.length)]);
                x.setOwnerName(person(r));
                if (!owners.isEmpty() && r.nextInt(3) > 0) {
                    OrgNode o = owners.get(r.nextInt(owners.size()));
                    x.setOwnerOrgId(o.id());
                    x.setOwnerOrgName(o.name().length() > 100 ? o.name().substring(0, 100) : o.name());
                }
                LocalDate due = week.plusDays(3 + r.nextInt(9));
                x.setDueOn(due);
                DispatchItemStatus status = DispatchItemStatus.OPEN;
                if (due.isBefore(today)) {
                    int roll = r.nextInt(100);
                    status = roll < 82 ? DispatchItemStatus.DONE : roll < 88 ? DispatchItemStatus.DROPPED : DispatchItemStatus.OPEN;
                }
                x.setStatus(status);
                x.setCreatedBy(BY);
                x.setCreatedAt(at(week, 2));
                if (status != DispatchItemStatus.OPEN) {
                    LocalDate settled = due.minusDays(r.nextInt(3));
                    x.setStatusNote(status == DispatchItemStatus.DONE ? "已按期办结" : "情况变化，经调度会研究撤销");
                    x.setUpdatedBy(BY);
                    x.setUpdatedAt(at(settled.isBefore(week) ? week : settled, 9));
                    x.setVersion(1);
                } else {
                    x.setVersion(0);
                }
                items.add(x);
            }
        }
        dispatch.insertAll(items);
        return items.size();
    }

    private long observe(Region region, OrgNode root, List<OrgNode> branches, Map<Long, Double> diligence) {
        LocalDate today = region.today();
        CommandObservationTemplateRecord t = new CommandObservationTemplateRecord();
        t.setOrgId(root.id());
        t.setOrgPath(root.path());
        t.setName("党支部标准化建设观摩评分表");
        t.setCreatedBy(BY);
        long template = observations.insertTemplate(t, LABELS, MAX);
        long rows = 1 + LABELS.size();
        String observers = "县委组织部 " + person(region.random("observers", 1)) + "、" + person(region.random("observers", 2))
                + "；各乡镇党委书记";
        int[] monthsAgo = {9, 6, 3, -1};
        String[] titles = {"一季度基层党建观摩", "二季度基层党建观摩", "三季度基层党建观摩", "基层党建现场观摩（下周）"};
        for (int v = 0; v < monthsAgo.length; v++) {
            boolean planned = monthsAgo[v] < 0;
            LocalDate visit = planned ? today.plusDays(7) : today.minusMonths(monthsAgo[v]).withDayOfMonth(15);
            SplittableRandom r = region.random("observation", root.id() * 10 + v);
            List<OrgNode> visited = new ArrayList<>();
            List<OrgNode> pool = new ArrayList<>(branches);
            int count = Math.min(pool.size(), planned ? 5 : 6);
            for (int i = 0; i < count; i++) {
                visited.add(pool.remove(r.nextInt(pool.size())));
            }
            visited.sort(Comparator.comparing(OrgNode::path));
            CommandObservationRecord o = new CommandObservationRecord();
            o.setRegionOrgId(OrgPath.idAt(root.path(), 1));
            o.setOrgId(root.id());
            o.setOrgPath(root.path());
            o.setOrgName(root.name());
            o.setTitle(titles[v]);
            o.setVisitOn(visit);
            o.setObservers(observers);
            o.setTemplateId(template);
            o.setStatus(ObservationStatus.PLANNED);
            o.setCreatedBy(BY);
            long id = observations.insert(o, visited.stream().map(b -> new TaskRepository.Target(b.id(),
                    OrgPath.idAt(b.path(), 1), b.path(), b.name().length() > 100 ? b.name().substring(0, 100) : b.name())).toList());
            rows += 1 + visited.size();
            if (planned) {
                observations.backdate(id, null, at(today.minusDays(3), 2));
                continue;
            }
            for (OrgNode b : visited) {
                double d = diligence.getOrDefault(b.id(), 0.9);
                List<Integer> points = new ArrayList<>();
                int total = 0;
                for (int max : MAX) {
                    double share = Math.min(1.0, 0.45 + 0.5 * d + (r.nextDouble() - 0.5) * 0.1);
                    int p = (int) Math.max(0, Math.min(max, Math.round(max * share)));
                    points.add(p);
                    total += p;
                }
                String[] comments = total >= 90 ? GOOD : total >= 75 ? FAIR : WEAK;
                observations.score(id, b.id(), points, BigDecimal.valueOf(total), comments[r.nextInt(comments.length)], BY);
                observations.backdate(id, b.id(), at(visit, 8));
                rows += points.size();
            }
            observations.publish(id, BY);
            observations.backdate(id, null, at(visit.minusDays(20), 2));
        }
        return rows;
    }
}
