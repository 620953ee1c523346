package io.zhibu.themeday.internal;

import io.zhibu.db.tables.records.ThemedayThemeRecord;
import io.zhibu.org.OrgNode;
import io.zhibu.org.OrgService;
import io.zhibu.org.OrgType;
import io.zhibu.shared.OrgPath;
import io.zhibu.shared.demo.LivedYear;
import io.zhibu.themeday.ThemeStatus;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Theme-day themes of a lived year: the region's root committee (the county) publishes one theme a month, from the
 * first month of history to the next month, about ten days before the month starts; each committee just below it
 * (the townships) adds one every quarter. Deterministic (seeded by the region and the committee).
 */
@Component
class ThemeDayLivedYear implements LivedYear {
    private static final String BY = "demo-year";
    private static final String[][] THEMES = {
        {"学习贯彻党的二十届四中全会精神", "集中学习全会公报\n交流学习体会\n重温入党誓词", "《中国共产党第二十届中央委员会第四次全体会议公报》"},
        {"强党性、守初心，我为群众办实事", "走访困难群众\n开展志愿服务\n征集群众意见建议", "《中国共产党支部工作条例（试行）》第九条"},
        {"学党章、守党规、强党性", "逐章学习党章\n观看警示教育片\n开展廉政谈话", "《中国共产党章程》《中国共产党纪律处分条例》"},
        {"传承红色基因，争做时代先锋", "参观红色教育基地\n讲述身边先进事迹\n重温入党誓词", "本县革命历史资料汇编"},
        {"乡村振兴我先行", "学习惠农政策\n开展人居环境整治\n议定村级重点事项", "《中共中央 国务院关于推进乡村全面振兴的意见》"},
        {"安全生产和防汛责任落实", "学习安全生产法\n排查安全隐患\n组建防汛突击队", "《中华人民共和国安全生产法》"},
        {"七一专题党课", "书记讲党课\n为党员过政治生日\n慰问老党员", "七一专题党课参考提纲"},
        {"清廉村居建设", "学习村务公开规定\n开展三务公开自查\n民主评议村级财务", "《村级小微权力清单》"}};

    private final ThemeDayRepository repo;
    private final OrgService orgs;
    private final TransactionTemplate tx;

    ThemeDayLivedYear(ThemeDayRepository repo, OrgService orgs, TransactionTemplate tx) {
        this.repo = repo;
        this.orgs = orgs;
        this.tx = tx;
    }

    @Override
    public String name() {
        return "theme days (主题党日内容库)";
    }

    @Override
    public int order() {
        return 67;
    }

    @Override
    public Set<String> runsAfter() {
        return Set.of(); // reads only the tree, writes only its own table
    }

    @Override
    public long generate(Region region) {
        int rootDepth = OrgPath.depth(region.rootPath());
        List<OrgNode> committees = orgs.activeNodes().stream().filter(n -> region.covers(n.path()))
                .filter(n -> n.type() == OrgType.COMMITTEE && OrgPath.depth(n.path()) <= rootDepth + 1)
                .sorted(Comparator.comparing(OrgNode::path)).toList();
        List<ThemedayThemeRecord> rows = new ArrayList<>();
        YearMonth last = YearMonth.from(region.today()).plusMonths(1);
        for (OrgNode c : committees) {
            boolean root = OrgPath.depth(c.path()) == rootDepth;
            SplittableRandom r = region.random("themeday", c.id());
            int i = 0;
            for (YearMonth m = YearMonth.from(region.firstDay()); !m.isAfter(last); m = m.plusMonths(1), i++) {
                if (!root && m.getMonthValue() % 3 != 1) {
                    continue;
                }
                String[] t = m.getMonthValue() == 7 ? THEMES[6] : THEMES[(i + r.nextInt(THEMES.length)) % THEMES.length];
                ThemedayThemeRecord x = repo.newTheme();
                x.setOrgId(c.id());
                x.setOrgPath(c.path());
                x.setRegionOrgId(OrgPath.idAt(c.path(), 1));
                x.setThemeMonth(m.toString());
                x.setTopic(root ? t[0] : c.name().replace("中共", "").replace("委员会", "") + "：" + t[0]);
                x.setActivities(t[1]);
                x.setMaterials(t[2]);
                x.setStatus(ThemeStatus.PUBLISHED);
                x.setVersion(0);
                x.setCreatedBy(BY);
                LocalDate on = m.atDay(1).minusDays(10);
                x.setCreatedAt(OffsetDateTime.of(on, LocalTime.of(9, 0), ZoneOffset.ofHours(8)));
                x.setUpdatedAt(x.getCreatedAt());
                rows.add(x);
            }
        }
        tx.executeWithoutResult(s -> repo.insertAll(rows));
        return rows.size();
    }
}
