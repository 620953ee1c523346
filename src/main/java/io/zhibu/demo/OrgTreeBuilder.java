package io.zhibu.demo;

import io.zhibu.demo.Places.Area;
import io.zhibu.demo.Places.City;
import io.zhibu.org.OrgDomain;
import io.zhibu.org.OrgFormationRules;
import io.zhibu.org.OrgType;
import io.zhibu.shared.Gender;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Builds the organization tree of a county (县) or a city (市) to an exact organization budget, then sizes the
 * branches to an exact member total. Every county-level area gets the same sectors, scaled to its budget:
 * 县直机关工委, 教育工委 (schools), 卫健系统党委 (hospitals), 国企党委 (with a 临时党支部), 非公和社会组织党委
 * (firm branches, 联合党支部), 街道党工委 (communities) and the 乡镇党委 with their villages (村党支部, 村党总支),
 * plus 党小组 under a few large branches.
 */
final class OrgTreeBuilder {
    /** A normal branch stays at or below this size; only designated branches are oversized (> 50, §1.1). */
    static final int REGULAR_MAX = 48;
    private static final String[] ORDINALS = {"第一", "第二", "第三", "第四", "第五", "第六", "第七", "第八", "第九",
            "第十", "第十一", "第十二", "第十三", "第十四", "第十五"};

    private final SplittableRandom rng;
    private final LocalDate today;
    private final List<Draft> drafts = new ArrayList<>();
    private final List<GroupReservation> groupReservations = new ArrayList<>();

    OrgTreeBuilder(SplittableRandom rng, LocalDate today) {
        this.rng = rng;
        this.today = today;
    }

    /** An organization under construction. */
    private static final class Draft {
        int key;
        int parent;
        String name;
        OrgType type;
        OrgDomain domain;
        String region;
        String host;
        String credit;
        LocalDate established;
        String secretary;
        Gender secretaryGender;
        int secretaryBirthYear;
        LocalDate termStarted;
        UnitKind kind;
        String locality;
        boolean pinned;
        boolean oversized;
        int members;
    }

    /** {@code count} party groups to place under large branches with keys in [from, to). */
    private record GroupReservation(int from, int to, int count) {
    }

    /** A unit (单位) that gets one branch, or a general branch / committee over several branches. */
    private record Unit(String base, String host, String credit, OrgDomain domain, UnitKind kind, int preferred,
                        int max, boolean committee, List<String> subs, int estFrom, int estTo, String locality,
                        OrgType singleType, boolean pinned) {
    }

    /** Where an area's organizations live: its names and address prefix. */
    private record Ctx(Area area, String prefecture, String locality, boolean qualifyTownships) {
        String name() {
            return area.name();
        }

        String code() {
            return area.code();
        }
    }

    // ---------------------------------------------------------------- regions

    /** The demo county: root 中共修武县委 and {@code budget} organizations in all. */
    void demoCounty(int budget) {
        Ctx ctx = new Ctx(Places.XIUWU, Places.JIAOZUO.name(), Places.PROVINCE + Places.JIAOZUO.name() + "修武县", false);
        county(-1, ctx, budget, DemoDataGenerator.COUNTY_NAME,
                Map.of(0, "东关村", 1, "西王村"));
    }

    /** A city: root 中共XX市委, city-level sectors, then its counties and districts; {@code budget} orgs in all. */
    void city(City city, int budget) {
        city(-1, city, budget);
    }

    /**
     * A province: root 中共河南省委 and its cities, {@code budget} organizations in all, shared among the cities by
     * their number of county-level areas.
     */
    void province(List<City> cities, int budget) {
        int root = add(-1, "中共" + Places.PROVINCE + "委", OrgType.COMMITTEE, OrgDomain.AGENCY, UnitKind.NONE, "410000",
                "中共" + Places.PROVINCE + "委员会", "11", 1949, 1949, Places.PROVINCE, false);
        int[] budgets = split(budget - 1, cities.stream().mapToDouble(c -> c.areas().size() + 4).toArray());
        for (int i = 0; i < cities.size(); i++) {
            city(root, cities.get(i), budgets[i]);
        }
    }

    private void city(int parent, City city, int budget) {
        int base = drafts.size();
        String cityLocality = Places.PROVINCE + city.name();
        int root = add(parent, "中共" + city.name() + "委", OrgType.COMMITTEE, OrgDomain.AGENCY,
                UnitKind.NONE, city.code(), "中共" + city.name() + "委员会", "11", 1948, 1949, cityLocality, false);
        int cityLevel = Math.max(40, (int) Math.round(budget * 0.08)) - 1;
        Area cityArea = new Area(city.name(), city.code(), true);
        Ctx ctx = new Ctx(cityArea, city.name(), cityLocality, true);
        int start = drafts.size();
        int groups = Math.max(2, (int) Math.round(cityLevel * 0.02));
        int rest = cityLevel - groups;
        agencies(root, ctx, share(rest, 0.40));
        schools(root, ctx, share(rest, 0.15), List.of(), city);
        health(root, ctx, share(rest, 0.17), List.of(), true);
        stateEnterprises(root, ctx, share(rest, 0.12));
        nonPublic(root, ctx, rest - (drafts.size() - start));
        groupReservations.add(new GroupReservation(start, drafts.size(), groups));

        int remaining = budget - (drafts.size() - base) - groups;
        int areaCount = Math.min(city.areas().size(), Math.max(1, remaining / 150));
        List<Area> areas = pickAreas(city.areas(), areaCount);
        double[] weights = areas.stream().mapToDouble(a -> a.urban() ? 0.8 : 1.0).toArray();
        int[] budgets = split(remaining, weights);
        for (int i = 0; i < areas.size(); i++) {
            Area a = areas.get(i);
            Ctx actx = new Ctx(a, city.name(), cityLocality + a.name(), true);
            county(root, actx, budgets[i], "中共" + a.name() + "委", Map.of());
        }
    }

    private static List<Area> pickAreas(List<Area> all, int n) {
        List<Area> picked = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            picked.add(all.get((int) ((long) i * all.size() / n)));
        }
        return picked;
    }

    /**
     * One county-level area with exactly {@code budget} organizations (root included). {@code pinnedVillages} maps
     * a township index to the name of its first village, a plain branch that keeps a regular size.
     */
    private void county(int parent, Ctx ctx, int budget, String rootName, Map<Integer, String> pinnedVillages) {
        Area area = ctx.area();
        int start = drafts.size();
        int root = add(parent, rootName, OrgType.COMMITTEE, OrgDomain.AGENCY, UnitKind.NONE, area.code(),
                "中共" + area.name() + "委员会", "11", 1948, 1952, ctx.locality(), false);
        int b = budget - 1;
        int groups = Math.max(2, (int) Math.round(budget * 0.02));
        double communityShare = area.urban() ? 0.40 : 0.06;
        int ruralEstimate = (int) (b - groups - b * (0.42 + communityShare));
        List<String> townships = townships(area, ruralEstimate);
        List<String> streets = streets(area, share(b, communityShare));

        agencies(root, ctx, share(b, 0.14));
        schools(root, ctx, share(b, 0.07), townships, null);
        health(root, ctx, share(b, 0.08), townships, false);
        stateEnterprises(root, ctx, share(b, 0.05));
        nonPublic(root, ctx, share(b, 0.08));
        communities(root, ctx, share(b, communityShare), streets);
        rural(root, ctx, budget - groups - (drafts.size() - start), townships, pinnedVillages);
        groupReservations.add(new GroupReservation(start, drafts.size(), groups));
    }

    // ---------------------------------------------------------------- sectors

    private record AgencyUnit(String org, boolean party, boolean big, List<String> subs) {
    }

    private static AgencyUnit a(String org) {
        return new AgencyUnit(org, false, false, List.of());
    }

    private static AgencyUnit party(String org) {
        return new AgencyUnit(org, true, false, List.of());
    }

    private static AgencyUnit big(String org, String... subs) {
        return new AgencyUnit(org, false, true, List.of(subs));
    }

    private static final List<AgencyUnit> AGENCY_UNITS = List.of(party("委办公室"), a("人民政府办公室"),
            a("人大常委会机关"), a("直属机关离退休干部"), a("政协机关"), new AgencyUnit("纪委监委机关", true, true, List.of()),
            party("委组织部"), party("委宣传部"), party("委统战部"), party("委政法委员会"),
            big("公安局", "治安管理大队", "刑事侦查大队", "交通管理大队", "巡特警大队", "城关派出所", "指挥中心", "机关", "离退休"),
            big("发展和改革委员会机关"), big("财政局机关"), big("人力资源和社会保障局机关"), big("自然资源局机关"),
            big("住房和城乡建设局机关"), big("农业农村局机关"), big("市场监督管理局机关"), big("交通运输局机关"),
            party("委机构编制委员会办公室"), party("委党校"), a("教育局机关"), a("科技和工业信息化局机关"), a("民政局机关"),
            a("司法局机关"), a("生态环境分局机关"), a("水利局机关"), a("商务局机关"), a("文化广电和旅游局机关"),
            a("退役军人事务局机关"), a("应急管理局机关"), a("审计局机关"), a("统计局机关"), a("医疗保障局机关"),
            a("信访局机关"), big("城市管理局机关"), a("林业局机关"), a("政务服务和大数据管理局机关"), big("税务局机关"),
            big("人民法院机关"), a("人民检察院机关"), a("总工会机关"), a("妇女联合会机关"), a("工商业联合会机关"),
            a("科学技术协会机关"), a("残疾人联合会机关"), a("供销合作社联合社机关"), a("档案馆"), a("融媒体中心"),
            a("住房公积金管理中心"));

    /** 县直机关工委 → 机关党支部 (big bureaus as 机关党总支 / 党委; 公安局 as 党委 over its 大队). */
    private void agencies(int parent, Ctx ctx, int budget) {
        if (budget < 2) {
            return;
        }
        String n = ctx.name();
        int committee = add(parent, "中共" + n + "直属机关工作委员会", OrgType.COMMITTEE, OrgDomain.AGENCY, UnitKind.NONE,
                ctx.code(), "中共" + n + "委", "11", 1980, 1995, ctx.locality(), false);
        List<Unit> units = new ArrayList<>();
        for (AgencyUnit u : AGENCY_UNITS) {
            String unitName = u.org().endsWith("机关") ? u.org().substring(0, u.org().length() - 2) : u.org();
            String host = u.party() ? "中共" + n + unitName : n + unitName;
            boolean retired = u.org().contains("离退休");
            boolean police = u.org().equals("公安局");
            units.add(new Unit("中共" + n + u.org(), retired ? n + "委老干部局" : host, retired ? null : "11",
                    OrgDomain.AGENCY, retired ? UnitKind.RETIRED : UnitKind.AGENCY,
                    u.big() ? (police ? 5 : 3) : 1, u.big() ? Math.max(4, u.subs().size()) : 1, police, u.subs(),
                    1978, 2019, ctx.locality(), OrgType.BRANCH, false));
        }
        sector(committee, units, budget - 1, 0.85);
    }

    /** 县委教育工委 → 中学/小学党支部 (县一中 as 党总支), 学生党支部 and 离退休教师党支部. */
    private void schools(int parent, Ctx ctx, int budget, List<String> townships, City city) {
        if (budget < 2) {
            return;
        }
        String n = ctx.name();
        int committee = add(parent, "中共" + n + "委教育工作委员会", OrgType.COMMITTEE, OrgDomain.SCHOOL, UnitKind.NONE,
                ctx.code(), n + "教育局", "11", 1985, 2005, ctx.locality(), false);
        List<Unit> units = new ArrayList<>();
        units.add(school(ctx, "第一高级中学", 4, 6, false, "高一年级", "高二年级", "高三年级", "行政后勤", "离退休教师"));
        if (city != null) {
            String college = city.name().replace("市", "") + "职业技术学院";
            units.add(new Unit("中共" + college, college, "12", OrgDomain.SCHOOL, UnitKind.SCHOOL, 6, 8, true,
                    List.of("机电工程学院教工", "机电工程学院学生", "信息工程学院教工", "信息工程学院学生", "经济管理学院学生",
                            "机关", "离退休"), 1960, 2005, ctx.locality(), OrgType.BRANCH, false));
        } else {
            units.add(school(ctx, "职业教育中心", 2, 3, false, "教职工", "学生"));
        }
        units.add(school(ctx, "教育系统离退休教师", 1, 1, false));
        units.add(school(ctx, "实验中学", 1, 3, false));
        units.add(school(ctx, "第二高级中学", 2, 4, false));
        units.add(school(ctx, "第一初级中学", 1, 2, false));
        units.add(school(ctx, "实验小学", 1, 2, false));
        units.add(school(ctx, "第二实验小学", 1, 1, false));
        units.add(school(ctx, "特殊教育学校", 1, 1, false));
        units.add(school(ctx, "实验幼儿园", 1, 1, false));
        units.add(school(ctx, "教师进修学校", 1, 1, false));
        for (String t : townships) {
            units.add(school(ctx, t + "中心学校", 1, 2, false));
        }
        if (city != null) {
            units.add(school(ctx, "外国语学校", 1, 3, false));
            units.add(school(ctx, "第三高级中学", 1, 3, false));
        }
        sector(committee, units, budget - 1, 0.65);
    }

    private Unit school(Ctx ctx, String name, int preferred, int max, boolean committee, String... subs) {
        String n = ctx.name();
        UnitKind kind = name.contains("离退休") ? UnitKind.RETIRED : UnitKind.SCHOOL;
        return new Unit("中共" + n + name, n + name, "12", OrgDomain.SCHOOL, kind, preferred, max, committee,
                List.of(subs), 1955, 2010, ctx.locality(), OrgType.BRANCH, false);
    }

    /** 卫健系统党委 → 县人民医院党委 → 科室党支部; 中医院党总支, 妇幼, 疾控, 乡镇卫生院党支部. */
    private void health(int parent, Ctx ctx, int budget, List<String> townships, boolean cityLevel) {
        if (budget < 2) {
            return;
        }
        String n = ctx.name();
        int committee = add(parent, "中共" + n + "卫生健康系统委员会", OrgType.COMMITTEE, OrgDomain.HOSPITAL,
                UnitKind.NONE, ctx.code(), n + "卫生健康委员会", "11", 1985, 2010, ctx.locality(), false);
        List<Unit> units = new ArrayList<>();
        units.add(hospital(ctx, cityLevel ? "中心医院" : "人民医院", 8, 12, "内科第一", "内科第二", "外科", "骨科", "妇产科",
                "儿科", "急诊医学科", "重症医学科", "医技", "护理", "行政后勤", "离退休"));
        units.add(hospital(ctx, "中医院", 3, 5, "内科", "外科", "医技", "行政后勤", "离退休"));
        units.add(hospital(ctx, "妇幼保健院", 1, 2));
        units.add(hospital(ctx, "疾病预防控制中心", 1, 1));
        if (cityLevel) {
            units.add(hospital(ctx, "第一人民医院", 6, 8, "内科", "外科", "妇儿", "医技", "护理", "行政后勤", "离退休"));
            units.add(hospital(ctx, "第三人民医院", 3, 5));
            units.add(hospital(ctx, "急救中心", 1, 1));
            units.add(hospital(ctx, "精神卫生中心", 1, 2));
            units.add(hospital(ctx, "传染病医院", 1, 2));
        }
        for (String t : townships) {
            units.add(hospital(ctx, t + "卫生院", 1, 1));
        }
        sector(committee, units, budget - 1, 0.5);
    }

    private Unit hospital(Ctx ctx, String name, int preferred, int max, String... subs) {
        String n = ctx.name();
        return new Unit("中共" + n + name, n + name, "12", OrgDomain.HOSPITAL, UnitKind.HOSPITAL, preferred, max,
                preferred > 3, List.of(subs), 1952, 2005, ctx.locality(), OrgType.BRANCH, false);
    }

    /** 国企党委 → 投资集团党委 and company branches, plus a 临时党支部 for a construction project. */
    private void stateEnterprises(int parent, Ctx ctx, int budget) {
        if (budget < 2) {
            return;
        }
        String n = ctx.name();
        int committee = add(parent, "中共" + n + "国有企业委员会", OrgType.COMMITTEE, OrgDomain.STATE_ENTERPRISE,
                UnitKind.NONE, ctx.code(), n + "国有资产监督管理局", "11", 1998, 2015, ctx.locality(), false);
        String project = Places.PROJECTS.get(rng.nextInt(Places.PROJECTS.size()));
        int temp = add(committee, "中共" + n + project + "临时支部委员会", OrgType.TEMPORARY_BRANCH,
                OrgDomain.STATE_ENTERPRISE, UnitKind.TEMPORARY, ctx.code(), n + project + "指挥部", null, 0, 0,
                ctx.locality(), false);
        Draft t = drafts.get(temp);
        t.established = today.minusDays(rng.nextInt(190, 300));
        t.termStarted = t.established;
        List<Unit> units = new ArrayList<>();
        String[][] companies = {{"投资集团有限公司", "机关第一", "机关第二", "城建公司", "水务公司", "文旅公司", "离退休"},
                {"城市建设投资有限公司"}, {"交通投资有限公司"}, {"自来水有限公司"}, {"公共交通有限公司"},
                {"粮食储备有限公司"}, {"文化旅游投资有限公司"}, {"农业发展投资有限公司"}, {"热力有限公司"},
                {"国有资产经营有限公司"}, {"保安服务有限公司"}, {"融资担保有限公司"}};
        for (String[] c : companies) {
            boolean group = c.length > 1;
            units.add(new Unit("中共" + n + c[0], n + c[0], "91", OrgDomain.STATE_ENTERPRISE, UnitKind.STATE_ENTERPRISE,
                    group ? 4 : 1, group ? 6 : 2, group, List.of(c).subList(1, c.length), 1995, 2020, ctx.locality(),
                    OrgType.BRANCH, false));
        }
        sector(committee, units, budget - 2, 0.6);
    }

    /** 非公企业和社会组织党委 → 联合党支部, 社会组织党支部 and 企业党支部 (a few large firms as 党总支). */
    private void nonPublic(int parent, Ctx ctx, int budget) {
        if (budget < 2) {
            return;
        }
        String n = ctx.name();
        int committee = add(parent, "中共" + n + "非公有制经济组织和社会组织工作委员会", OrgType.COMMITTEE,
                OrgDomain.NON_PUBLIC, UnitKind.NONE, ctx.code(), "中共" + n + "委组织部", "11", 2005, 2015,
                ctx.locality(), false);
        int r = budget - 1;
        int joints = Math.min(r, Math.max(2, (int) Math.round(r * 0.25)));
        int socials = Math.min(r - joints, Math.min(Places.SOCIAL_ORGS.size(), Math.max(1, (int) Math.round(r * 0.12))));
        List<Unit> units = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < joints; i++) {
            String zone = Places.JOINT_ZONES.get(i % Places.JOINT_ZONES.size());
            String ordinal = ORDINALS[Math.min(i / Places.JOINT_ZONES.size(), ORDINALS.length - 1)];
            String host = firmWord(used) + Places.INDUSTRIES.get(rng.nextInt(Places.INDUSTRIES.size())) + "等"
                    + rng.nextInt(2, 6) + "家" + (zone.contains("机构") ? "机构" : zone.contains("合作社") ? "合作社" : "企业");
            units.add(new Unit("中共" + n + zone + ordinal + "联合", host, null, OrgDomain.NON_PUBLIC, UnitKind.JOINT,
                    1, 1, false, List.of(), 2012, 2023, ctx.locality(), OrgType.JOINT_BRANCH, false));
        }
        for (int i = 0; i < socials; i++) {
            String org = Places.SOCIAL_ORGS.get(i);
            units.add(new Unit("中共" + n + org, n + org, "51", OrgDomain.NON_PUBLIC, UnitKind.FIRM, 1, 1, false,
                    List.of(), 2010, 2022, ctx.locality(), OrgType.BRANCH, false));
        }
        int firms = Math.max(0, r - joints - socials - (int) Math.round(r * 0.08));
        for (int i = 0; i < firms; i++) {
            String firm = firmName(ctx, used);
            boolean large = rng.nextDouble() < 0.08;
            units.add(new Unit("中共" + firm, firm, "91", OrgDomain.NON_PUBLIC, UnitKind.FIRM, large ? 2 : 1,
                    large ? 3 : 1, false, List.of(), 2006, 2023, ctx.locality(), OrgType.BRANCH, false));
        }
        sector(committee, units, r, 1.0);
    }

    private String firmWord(Set<String> used) {
        for (int i = 0; i < 50; i++) {
            String w = Places.FIRM_WORDS.get(rng.nextInt(Places.FIRM_WORDS.size()));
            if (!used.contains("w:" + w) || i > 40) {
                used.add("w:" + w);
                return w;
            }
        }
        return Places.FIRM_WORDS.getFirst();
    }

    private String firmName(Ctx ctx, Set<String> used) {
        for (int attempt = 0; ; attempt++) {
            String word = Places.FIRM_WORDS.get(rng.nextInt(Places.FIRM_WORDS.size()));
            if (attempt > 20) { // a province exhausts the one-word names: two words make the space large enough
                word += Places.FIRM_WORDS.get(rng.nextInt(Places.FIRM_WORDS.size()));
            }
            String industry = Places.INDUSTRIES.get(rng.nextInt(Places.INDUSTRIES.size()));
            double r = rng.nextDouble();
            String prefix = r < 0.45 ? ctx.name() : r < 0.75 ? "河南" : ctx.prefecture().replace("市", "");
            String suffix = rng.nextDouble() < 0.15 ? "股份有限公司" : "有限公司";
            String name = prefix + word + industry + suffix;
            if (used.add(name)) {
                return name;
            }
        }
    }

    /** 街道党工委 → 街道机关党支部, 社区党委 (over 网格 branches) and 社区党支部. */
    private void communities(int parent, Ctx ctx, int budget, List<String> streets) {
        int s = streets.size();
        while (s > 1 && budget < s * 4) {
            s--;
        }
        if (s == 0 || budget < 3) {
            return;
        }
        int[] budgets = split(budget, uniform(s));
        String n = ctx.name();
        Set<String> usedCommunities = new HashSet<>();
        for (int i = 0; i < s; i++) {
            String street = streets.get(i);
            int committee = add(parent, "中共" + n + street + "工作委员会", OrgType.COMMITTEE, OrgDomain.COMMUNITY,
                    UnitKind.NONE, ctx.code(), n + street + "办事处", "11", 2000, 2014, ctx.locality() + street, false);
            int rest = budgets[i] - 1;
            List<Unit> units = new ArrayList<>();
            units.add(new Unit("中共" + n + street + "机关", n + street + "办事处", "11", OrgDomain.AGENCY,
                    UnitKind.TOWNSHIP_AGENCY, 1, 1, false, List.of(), 2000, 2014, ctx.locality() + street,
                    OrgType.BRANCH, false));
            int count = Math.max(1, (int) Math.round((rest - 1) * 0.6));
            for (int c = 0; c < count; c++) {
                String community = pickUnique(Places.COMMUNITY_STEMS, usedCommunities) + "社区";
                units.add(new Unit("中共" + n + street + community, n + street + community + "居民委员会", null,
                        OrgDomain.COMMUNITY, UnitKind.COMMUNITY, 3, 5, true,
                        List.of("第一网格", "第二网格", "离退休", "楼宇", "第三网格"), 2001, 2016,
                        ctx.locality() + street + community, OrgType.BRANCH, false));
            }
            sector(committee, units, rest, 1.0);
        }
    }

    /** 乡镇党委 → 机关党支部 and 村党支部 / 村党总支 (2–3 branches); uses exactly {@code budget} organizations. */
    private void rural(int parent, Ctx ctx, int budget, List<String> townshipNames, Map<Integer, String> pinned) {
        int t = townshipNames.size();
        int minTownships = Math.min(t, Math.max(1, pinned.size()));
        while (t > minTownships && budget < t * 6) {
            t--;
        }
        if (t == 0 || budget <= 0) {
            return;
        }
        int villageBudget = budget - 2 * t;
        int[] quotas = split(Math.max(0, villageBudget), uniform(t));
        String n = ctx.name();
        boolean generalBranch = false;
        for (int i = 0; i < t; i++) {
            String township = townshipNames.get(i);
            String prefix = ctx.qualifyTownships() ? n + township : township;
            String townLocality = ctx.locality() + township;
            int committee = add(parent, "中共" + prefix + "委员会", OrgType.COMMITTEE, OrgDomain.RURAL, UnitKind.NONE,
                    ctx.code(), n + township + "人民政府", "11", 1956, 1986, townLocality, false);
            if (budget - 2 * i - 1 <= 0) {
                continue;
            }
            add(committee, "中共" + prefix + "机关支部委员会", OrgType.BRANCH, OrgDomain.AGENCY, UnitKind.TOWNSHIP_AGENCY,
                    ctx.code(), n + township + "人民政府", "11", 1960, 1990, townLocality, false);
            int q = quotas[i];
            Set<String> used = new HashSet<>();
            String first = pinned.get(i);
            while (q > 0) {
                String village;
                boolean pin = false;
                if (first != null) {
                    village = first;
                    used.add(first);
                    first = null;
                    pin = true;
                } else {
                    village = villageName(used);
                }
                int size = 1;
                if (!pin && q >= 4 && (!generalBranch || rng.nextDouble() < 0.12)) {
                    size = rng.nextBoolean() ? 3 : 2;
                    generalBranch = true;
                }
                Unit u = new Unit("中共" + prefix + village, n + township + village, null, OrgDomain.RURAL,
                        UnitKind.VILLAGE, size, size, false, List.of(), 1950, 1992, townLocality + village,
                        OrgType.BRANCH, pin);
                emit(committee, u, size);
                q -= cost(size);
            }
        }
    }

    private String villageName(Set<String> used) {
        for (int attempt = 0; ; attempt++) {
            String name;
            if (rng.nextDouble() < 0.12) {
                name = Places.VILLAGE_SPECIAL.get(rng.nextInt(Places.VILLAGE_SPECIAL.size()));
            } else {
                String suffix = Places.VILLAGE_SUFFIX.get(rng.nextInt(Places.VILLAGE_SUFFIX.size()));
                name = Places.VILLAGE_PREFIX.get(rng.nextInt(Places.VILLAGE_PREFIX.size()))
                        + Places.VILLAGE_SURNAME.get(rng.nextInt(Places.VILLAGE_SURNAME.size()))
                        + suffix + (suffix.equals("村") ? "" : "村");
            }
            if (used.add(name) || attempt > 1000) {
                return name;
            }
        }
    }

    private List<String> townships(Area area, int ruralBudget) {
        if (!area.townships().isEmpty()) {
            return area.townships();
        }
        int t = area.urban() ? clamp(Math.round(ruralBudget / 25f), 1, 4) : clamp(Math.round(ruralBudget / 28f), 2, 30);
        List<String> names = new ArrayList<>();
        Set<String> used = new HashSet<>();
        if (!area.urban()) {
            names.add("城关镇");
            used.add("城关");
        }
        while (names.size() < t) {
            String stem = pickUnique(Places.TOWNSHIP_STEMS, used);
            names.add(stem + (rng.nextDouble() < 0.7 ? "镇" : "乡"));
        }
        return names;
    }

    private List<String> streets(Area area, int communityBudget) {
        if (!area.streets().isEmpty()) {
            return area.streets();
        }
        int s = area.urban() ? clamp(Math.round(communityBudget / 14f), 2, 14) : 1;
        List<String> names = new ArrayList<>();
        Set<String> used = new HashSet<>();
        while (names.size() < s) {
            names.add(pickUnique(Places.STREET_STEMS, used) + "街道");
        }
        return names;
    }

    private String pickUnique(List<String> pool, Set<String> used) {
        for (int i = 0; i < 200; i++) {
            String s = pool.get(rng.nextInt(pool.size()));
            if (used.add(s)) {
                return s;
            }
        }
        // Pool exhausted: number the stems.
        String s = pool.get(rng.nextInt(pool.size())) + (used.size() + 1);
        used.add(s);
        return s;
    }

    // ---------------------------------------------------------------- units

    private static int cost(int branches) {
        return branches == 1 ? 1 : branches + 1;
    }

    /**
     * Gives the first units (about {@code unitShare} of the budget) one branch each, then upgrades units to their preferred and
     * then maximum number of branches (1 → 2 turns the branch into a general branch over two branches).
     */
    private void sector(int parent, List<Unit> units, int budget, double unitShare) {
        int r = budget;
        int[] n = new int[units.size()];
        int count = 0;
        int distinct = Math.min(units.size(), Math.max(1, (int) Math.round(budget * unitShare)));
        for (int i = 0; i < distinct && r >= 1; i++) {
            n[i] = 1;
            r--;
            count++;
        }
        for (int pass = 0; pass < 2 && r > 0; pass++) {
            boolean progress = true;
            while (r > 0 && progress) {
                progress = false;
                for (int i = 0; i < count && r > 0; i++) {
                    Unit u = units.get(i);
                    int cap = pass == 0 ? u.preferred() : u.max();
                    int c = n[i] == 1 ? 2 : 1;
                    if (n[i] < cap && c <= r) {
                        n[i]++;
                        r -= c;
                        progress = true;
                    }
                }
            }
        }
        for (int i = 0; i < count; i++) {
            emit(parent, units.get(i), n[i]);
        }
    }

    /** One branch, or a general branch (2–5, unless the unit is a committee) / committee over {@code n} branches. */
    private void emit(int parent, Unit u, int n) {
        if (n == 1) {
            UnitKind kind = u.kind();
            add(parent, u.base() + "支部委员会", u.singleType(), u.domain(), kind, ctxCode(parent), u.host(), u.credit(),
                    u.estFrom(), u.estTo(), u.locality(), u.pinned());
            return;
        }
        boolean committee = u.committee() || n > 5;
        int head = add(parent, u.base() + (committee ? "委员会" : "总支部委员会"),
                committee ? OrgType.COMMITTEE : OrgType.GENERAL_BRANCH, u.domain(), UnitKind.NONE, ctxCode(parent),
                u.host(), u.credit(), u.estFrom(), u.estTo(), u.locality(), false);
        for (int i = 0; i < n; i++) {
            String sub = i < u.subs().size() ? u.subs().get(i) : ORDINALS[Math.min(i, ORDINALS.length - 1)];
            UnitKind kind = sub.contains("离退休") ? UnitKind.RETIRED : sub.contains("学生") ? UnitKind.STUDENT : u.kind();
            add(head, u.base() + sub + "支部委员会", OrgType.BRANCH, u.domain(), kind, ctxCode(parent), u.host(), null,
                    u.estFrom(), u.estTo(), u.locality(), false);
        }
    }

    private String ctxCode(int parent) {
        return parent < 0 ? null : drafts.get(parent).region;
    }

    /** Adds one organization with its dates, secretary and host unit; returns its key. */
    private int add(int parent, String name, OrgType type, OrgDomain domain, UnitKind kind, String region,
                    String host, String creditPrefix, int estFrom, int estTo, String locality, boolean pinned) {
        Draft d = new Draft();
        d.key = drafts.size();
        d.parent = parent;
        d.name = name;
        d.type = type;
        d.domain = domain;
        d.kind = kind;
        d.region = region;
        d.host = host;
        d.credit = creditPrefix == null || region == null ? null : CreditCodes.generate(creditPrefix, region, rng);
        d.locality = locality;
        d.pinned = pinned;
        LocalDate parentEst = parent < 0 ? null : drafts.get(parent).established;
        LocalDate est = estFrom == 0 ? today : randomDate(estFrom, Math.min(estTo, today.getYear() - 1));
        if (parentEst != null && est.isBefore(parentEst)) {
            est = parentEst.plusDays(rng.nextInt(30, 400));
        }
        LocalDate latest = today.minusDays(30);
        if (est.isAfter(latest)) {
            est = latest;
        }
        if (parentEst != null && est.isBefore(parentEst)) {
            est = parentEst;
        }
        d.established = est;
        d.termStarted = termStart(type, domain, est);
        secretary(d);
        drafts.add(d);
        return d.key;
    }

    /** R1.7/R1.8: most terms started 1 year ago up to shortly before expiry; ~5% of 3-year terms are overdue. */
    private LocalDate termStart(OrgType type, OrgDomain domain, LocalDate est) {
        if (type == OrgType.PARTY_GROUP) {
            return null;
        }
        int years = domain.termYears(type);
        LocalDate t;
        if (years == 3 && rng.nextDouble() < 0.05) {
            t = today.minusDays(rng.nextInt(3 * 365 + 30, 4 * 365 + 180));
        } else {
            t = today.minusDays(rng.nextInt(365, years * 365 - 30));
        }
        return t.isBefore(est) ? est : t;
    }

    /** The secretary (书记, for a group the 党小组长); for branches this person is also the first member. */
    private void secretary(Draft d) {
        boolean retired = d.kind == UnitKind.RETIRED;
        double male = d.kind == UnitKind.NONE ? 0.85 : Math.min(0.9, d.kind.maleShare + 0.1);
        d.secretaryGender = rng.nextDouble() < male ? Gender.MALE : Gender.FEMALE;
        int age = retired ? rng.nextInt(62, 73)
                : d.kind == UnitKind.NONE ? rng.nextInt(42, 59)
                : d.kind == UnitKind.VILLAGE ? rng.nextInt(35, 64) : rng.nextInt(32, 58);
        d.secretaryBirthYear = today.getYear() - age;
        d.secretary = ChineseNames.name(rng, d.secretaryGender, d.secretaryBirthYear);
    }

    private LocalDate randomDate(int fromYear, int toYear) {
        LocalDate from = LocalDate.of(Math.min(fromYear, toYear), 1, 1);
        LocalDate to = LocalDate.of(toYear, 12, 31);
        return from.plusDays(rng.nextLong(0, to.toEpochDay() - from.toEpochDay() + 1));
    }

    // ---------------------------------------------------------------- sizes and groups

    /**
     * Sizes every member-holding organization so that they add up to {@code members}: targets drawn from the
     * unit kind's range, designated oversized branches (> 50) kept at their size, the rest scaled and kept within
     * [3, {@value #REGULAR_MAX}] where possible. Then places the reserved party groups under large branches.
     */
    List<OrgSpec> finish(int members, int oversizedCount) {
        List<Draft> holders = drafts.stream().filter(d -> d.type.holdsMembers()).toList();
        int minimum = holders.size() * OrgFormationRules.BRANCH_MIN_FULL_MEMBERS;
        if (members < minimum) {
            throw new IllegalArgumentException("At least " + minimum + " members are needed for " + holders.size()
                    + " branches (3 full members each)");
        }
        designateOversized(holders, oversizedCount);
        allocate(holders, members);
        placeGroups();
        List<OrgSpec> specs = new ArrayList<>(drafts.size());
        Map<String, Integer> sequences = new java.util.HashMap<>();
        for (Draft d : drafts) {
            int seq = sequences.merge(d.region, 1, Integer::sum);
            String code = d.region + String.format("%05d", seq);
            specs.add(new OrgSpec(d.key, d.parent, code, d.name, d.type, d.domain, d.region, d.host, d.credit, d.established,
                    d.secretary, d.secretaryGender, d.secretaryBirthYear, d.termStarted, d.kind, d.locality,
                    d.type.holdsMembers() ? d.members : 0));
        }
        return specs;
    }

    /** Alternately a village branch and a 离退休 branch, never a pinned (demo) branch. */
    private void designateOversized(List<Draft> holders, int count) {
        List<Draft> villages = new ArrayList<>(holders.stream()
                .filter(d -> d.kind == UnitKind.VILLAGE && d.type == OrgType.BRANCH && !d.pinned).toList());
        List<Draft> retired = new ArrayList<>(holders.stream()
                .filter(d -> d.kind == UnitKind.RETIRED && d.type == OrgType.BRANCH && !d.pinned).toList());
        Collections.shuffle(villages, new java.util.Random(rng.nextLong()));
        Collections.shuffle(retired, new java.util.Random(rng.nextLong()));
        for (int i = 0; i < count; i++) {
            List<Draft> pool = (i % 2 == 0 && !villages.isEmpty()) || retired.isEmpty() ? villages : retired;
            if (pool.isEmpty()) {
                return;
            }
            pool.removeLast().oversized = true;
        }
    }

    private void allocate(List<Draft> holders, int members) {
        int n = holders.size();
        int[] min = new int[n];
        int[] max = new int[n];
        double[] target = new double[n];
        int fixed = 0;
        for (int i = 0; i < n; i++) {
            Draft d = holders.get(i);
            min[i] = OrgFormationRules.BRANCH_MIN_FULL_MEMBERS;
            if (d.oversized) {
                target[i] = rng.nextInt(OrgFormationRules.BRANCH_MAX_MEMBERS + 2, 61);
                fixed += (int) target[i];
            } else {
                target[i] = rng.nextInt(d.kind.sizeMin, d.kind.sizeMax + 1);
            }
        }
        int regularTotal = members - fixed;
        boolean keepOversized = regularTotal >= 3 * (n - countOversized(holders));
        int[] size = new int[n];
        for (int i = 0; i < n; i++) {
            Draft d = holders.get(i);
            if (d.oversized && keepOversized) {
                size[i] = (int) target[i];
                min[i] = size[i];
                max[i] = size[i];
            } else {
                max[i] = d.oversized ? Integer.MAX_VALUE : cap(d.kind);
                target[i] = Math.min(target[i], cap(d.kind));
            }
        }
        // Move every free branch the same fraction of the way from its target towards its bound, so that sizes keep
        // their spread instead of piling up at the bound.
        double targets = 0;
        for (int i = 0; i < n; i++) {
            if (min[i] != max[i]) {
                targets += target[i];
            }
        }
        int free = keepOversized ? regularTotal : members;
        boolean grow = free >= targets;
        double room = 0;
        for (int i = 0; i < n; i++) {
            if (min[i] != max[i]) {
                room += grow ? Math.min(max[i], REGULAR_MAX) - target[i] : target[i] - min[i];
            }
        }
        double fraction = room == 0 ? 0 : Math.min(1, Math.abs(free - targets) / room);
        int sum = 0;
        for (int i = 0; i < n; i++) {
            if (min[i] != max[i]) {
                double bound = grow ? Math.min(max[i], REGULAR_MAX) : min[i];
                size[i] = (int) Math.round(target[i] + fraction * (bound - target[i]));
            }
            sum += size[i];
        }
        int diff = members - sum;
        if (diff != 0) {
            diff = adjust(size, min, max, diff);
        }
        if (diff != 0) {
            // Even every branch at its bound cannot hold them: lift the caps (very large member counts).
            java.util.Arrays.fill(max, Integer.MAX_VALUE);
            diff = adjust(size, min, max, diff);
        }
        for (int i = 0; i < n; i++) {
            holders.get(i).members = size[i];
        }
    }

    /** Small units (firms, joint and temporary branches, student branches) stay small even when members abound. */
    private static int cap(UnitKind kind) {
        return Math.min(REGULAR_MAX, kind.sizeMax + 10);
    }

    private static int countOversized(List<Draft> holders) {
        return (int) holders.stream().filter(d -> d.oversized).count();
    }

    /** Spreads {@code diff} one member at a time over the branches in random order, within their bounds. */
    private int adjust(int[] size, int[] min, int[] max, int diff) {
        int n = size.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        boolean progress = true;
        while (diff != 0 && progress) {
            progress = false;
            for (int k = 0; k < n && diff != 0; k++) {
                int i = order[k];
                if (diff > 0 && size[i] < max[i]) {
                    size[i]++;
                    diff--;
                    progress = true;
                } else if (diff < 0 && size[i] > min[i]) {
                    size[i]--;
                    diff++;
                    progress = true;
                }
            }
        }
        return diff;
    }

    /** 党小组: two or three under each of the largest branches of every reservation's range. */
    private void placeGroups() {
        for (GroupReservation r : groupReservations) {
            List<Draft> candidates = new ArrayList<>(drafts.subList(r.from(), r.to()).stream()
                    .filter(d -> d.type.holdsMembers() && d.members >= 12).toList());
            candidates.sort(Comparator.comparingInt((Draft d) -> d.members).reversed().thenComparingInt(d -> d.key));
            int left = r.count();
            for (Draft parent : candidates) {
                if (left <= 0) {
                    break;
                }
                int groups = Math.min(left, parent.members >= 36 ? 3 : 2);
                for (int g = 0; g < groups; g++) {
                    add(parent.key, parent.name + ORDINALS[g] + "党小组", OrgType.PARTY_GROUP, parent.domain,
                            UnitKind.NONE, parent.region, null, null, parent.established.getYear(),
                            Math.max(parent.established.getYear(), 2018), parent.locality, false);
                }
                left -= groups;
            }
        }
    }

    // ---------------------------------------------------------------- arithmetic

    private static int share(int budget, double fraction) {
        return (int) Math.round(budget * fraction);
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static double[] uniform(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1);
        return w;
    }

    /** Splits {@code total} into integer parts proportional to {@code weights} (largest remainder). */
    static int[] split(int total, double[] weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        int[] parts = new int[weights.length];
        double[] rest = new double[weights.length];
        int given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = total * weights[i] / sum;
            parts[i] = (int) Math.floor(exact);
            rest[i] = exact - parts[i];
            given += parts[i];
        }
        Set<Integer> done = new LinkedHashSet<>();
        while (given < total) {
            int best = -1;
            for (int i = 0; i < weights.length; i++) {
                if (!done.contains(i) && (best < 0 || rest[i] > rest[best])) {
                    best = i;
                }
            }
            parts[best]++;
            done.add(best);
            given++;
        }
        return parts;
    }
}
