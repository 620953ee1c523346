package io.zhibu.meeting.internal;

import static io.zhibu.db.Tables.MEETING_MATTER;
import static io.zhibu.db.Tables.MEETING_MATTER_STEP;

import io.zhibu.meeting.DeliberationStep;
import io.zhibu.meeting.FourDeliberationsRules;
import io.zhibu.meeting.FourDeliberationsRules.MatterStatus;
import io.zhibu.org.OrgNode;
import io.zhibu.org.OrgService;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.db.BulkInsert;
import io.zhibu.shared.demo.LivedYear;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A lived year of 四议两公开 (rules.md §1.5) for the villages of the demo county or a generated city: each village
 * organization takes two to five major matters through the six steps in order, a week or two apart, with the branch's
 * diligence deciding whether a matter is carried through to 实施结果公开 (matters begun in the last two months are
 * still in progress), so the 落实率 per village and subtree is plausible, not 0 and not always 100 %.
 */
@Component
class DeliberationLivedYear implements LivedYear {
    private static final String BY = "demo-year";
    private static final String[] MATTERS = {"村内道路硬化工程", "村集体土地流转方案", "高标准农田建设项目", "村级光伏电站收益分配",
        "饮水安全提升工程", "村集体经济合作社年度分红", "人居环境整治村规民约修订", "村文化广场建设", "危房改造对象评定",
        "低保对象民主评议推荐", "村级公益岗位人员选聘", "排水沟渠清淤工程", "集体林地承包调整", "村务监督委员会工作经费使用",
        "路灯安装项目", "村卫生室改扩建"};
    private static final String[] EVIDENCE = {"支委会研究提出初步方案，形成会议记录", "村党组织和村委会联席会议商议，形成书面意见",
        "支部党员大会审议，党员表决通过", "村民代表会议表决通过，形成决议", "决议在村务公开栏和村民微信群公开 7 天，无异议",
        "实施结果及资金使用情况在村务公开栏公开"};

    private final DSLContext db;
    private final OrgService orgs;
    private final TransactionTemplate tx;
    private final ZoneId zone;

    DeliberationLivedYear(DSLContext db, OrgService orgs, TransactionTemplate tx, Clock clock) {
        this.db = db;
        this.orgs = orgs;
        this.tx = tx;
        this.zone = clock.getZone();
    }

    @Override
    public String name() {
        return "deliberations";
    }

    @Override
    public int order() {
        return 12;
    }

    @Override
    public long generate(Region region) {
        List<OrgNode> nodes = orgs.activeNodes();
        Map<Long, OrgNode> byId = new HashMap<>();
        nodes.forEach(x -> byId.put(x.id(), x));
        List<OrgNode> villages = nodes.stream()
                .filter(n -> region.covers(n.path()) && FourDeliberationsRules.village(n.type(), n.domain()))
                // a 总支's branches belong to the same village: the matters sit with the village's top organization
                .filter(n -> n.type() == io.zhibu.org.OrgType.GENERAL_BRANCH || !underGeneralBranch(n, byId))
                .sorted(java.util.Comparator.comparing(OrgNode::path)).toList();
        if (villages.isEmpty()) {
            return 0;
        }
        Map<Long, Double> diligence = region.diligence(villages.stream().map(OrgNode::id).toList());
        return tx.execute(s -> write(region, villages, diligence));
    }

    private static boolean underGeneralBranch(OrgNode n, Map<Long, OrgNode> byId) {
        OrgNode parent = n.parentId() == null ? null : byId.get(n.parentId());
        return parent != null && parent.type() == io.zhibu.org.OrgType.GENERAL_BRANCH;
    }

    private long write(Region region, List<OrgNode> villages, Map<Long, Double> diligence) {
        LocalDate first = region.firstDay();
        LocalDate last = region.today().minusDays(1);
        OffsetDateTime now = region.today().atStartOfDay(zone).toOffsetDateTime();
        record Planned(OrgNode org, String title, List<LocalDate> steps) {
        }
        List<Planned> planned = new ArrayList<>();
        for (OrgNode v : villages) {
            SplittableRandom r = region.random("deliberations", v.id());
            double d = diligence.getOrDefault(v.id(), 0.95);
            int n = 2 + r.nextInt(4);
            int offset = r.nextInt(MATTERS.length);
            for (int k = 0; k < n; k++) {
                LocalDate day = first.plusDays(r.nextInt((int) Math.max(1, java.time.temporal.ChronoUnit.DAYS.between(first, last))));
                // a diligent village carries a matter through; a lagging one often stops after the vote
                int reach = r.nextDouble() < 0.55 + 0.45 * d ? 6 : 3 + r.nextInt(3);
                List<LocalDate> dates = new ArrayList<>();
                for (int s = 0; s < reach && !day.isAfter(last); s++) {
                    dates.add(day);
                    day = day.plusDays(s == 4 ? 20 + r.nextInt(40) : 3 + r.nextInt(12));
                }
                planned.add(new Planned(v, MATTERS[(offset + k) % MATTERS.length], dates));
            }
        }
        var m = MEETING_MATTER;
        List<Field<?>> fields = List.of(m.REGION_ORG_ID, m.ORG_ID, m.ORG_PATH, m.ORG_NAME, m.TITLE, m.SUMMARY, m.STATUS,
                m.STARTED_ON, m.COMPLETED_ON, m.VERSION, m.CREATED_BY, m.CREATED_AT, m.UPDATED_AT);
        List<Object[]> rows = new ArrayList<>();
        for (Planned p : planned) {
            boolean done = p.steps().size() == 6;
            rows.add(new Object[] {OrgPath.idAt(p.org().path(), 1), p.org().id(), p.org().path(), p.org().name(), p.title(),
                    "按照四议两公开程序办理" + p.title() + "。", (done ? MatterStatus.COMPLETED : MatterStatus.IN_PROGRESS).name(),
                    p.steps().getFirst(), done ? p.steps().getLast() : null, p.steps().size(), BY,
                    p.steps().getFirst().atStartOfDay(zone).toOffsetDateTime(), now});
        }
        BulkInsert.rows(db, m, fields, rows);
        Map<String, Long> ids = new HashMap<>();
        List<Long> orgIds = villages.stream().map(OrgNode::id).toList();
        for (var x : db.select(m.ID, m.ORG_ID, m.TITLE).from(m).where(m.ORG_ID.in(orgIds)).and(m.CREATED_BY.eq(BY)).fetch()) {
            ids.put(x.value2() + "|" + x.value3(), x.value1());
        }
        var s = MEETING_MATTER_STEP;
        List<Object[]> steps = new ArrayList<>();
        DeliberationStep[] all = DeliberationStep.values();
        for (Planned p : planned) {
            long id = ids.get(p.org().id() + "|" + p.title());
            for (int k = 0; k < p.steps().size(); k++) {
                steps.add(new Object[] {id, all[k].name(), p.steps().get(k), null, EVIDENCE[k], BY,
                        p.steps().get(k).atTime(18, 0).atZone(zone).toOffsetDateTime()});
            }
        }
        BulkInsert.rows(db, s, List.of(s.MATTER_ID, s.STEP, s.HELD_ON, s.MEETING_ID, s.EVIDENCE, s.RECORDED_BY, s.RECORDED_AT),
                steps);
        return rows.size() + steps.size();
    }
}
