package io.zhibu.demo;

import io.zhibu.shared.Gender;
import java.util.Set;
import java.util.SplittableRandom;

/** 工作岗位 / 职务 as typed on a roster, by unit kind and 人员类别. */
final class JobTitles {
    private static final String[] FARMER = {"农民", "农民", "农民", "种植户", "养殖户", "村民小组长", "果农", "家庭农场主",
            "农机手", "农民专业合作社理事长", "村务监督委员会委员", "村委会委员", "村会计", "外出务工人员"};
    private static final String[] STUDENT = {"在校学生", "学生"};
    private static final String[] OTHER = {"个体工商户", "个体工商户", "网约车司机", "快递员", "自由职业者", "电商从业者",
            "货车司机", "厨师", "外出务工人员", "保险代理人"};
    private static final String[] NONE = {"待业", "无", "失业人员"};
    private static final String[] AGENCY = {"一级科员", "二级科员", "四级主任科员", "三级主任科员", "二级主任科员",
            "一级主任科员", "副科长", "科长", "副主任", "主任", "副局长", "局长", "办事员", "驾驶员", "工勤人员"};
    private static final String[] TOWNSHIP = {"乡镇干部", "科员", "党政办主任", "副镇长", "镇长", "人大主席", "组织委员",
            "宣传委员", "纪委书记", "武装部长", "包村干部", "驻村第一书记", "办事员"};
    private static final String[] SCHOOL = {"教师", "教师", "二级教师", "一级教师", "一级教师", "高级教师", "班主任",
            "教研组长", "年级主任", "教务主任", "副校长", "校长", "会计"};
    private static final String[] COUNSELLOR = {"辅导员", "教师", "班主任"};
    private static final String[] HOSPITAL = {"住院医师", "主治医师", "主治医师", "副主任医师", "主任医师", "护士", "护师",
            "主管护师", "副主任护师", "护士长", "药师", "检验技师", "影像技师", "科主任", "副院长", "行政人员"};
    private static final String[] SOE = {"职工", "技术员", "助理工程师", "工程师", "高级工程师", "会计", "出纳",
            "部门经理", "副总经理", "总经理", "班组长", "驾驶员", "调度员"};
    private static final String[] FIRM = {"职工", "技术员", "工程师", "销售经理", "生产主管", "车间主任", "会计",
            "行政主管", "人力资源专员", "质检员", "总经理助理", "副总经理"};
    private static final String[] JOINT = {"职工", "店长", "销售员", "会计", "律师", "技术员", "经营者"};
    private static final String[] COMMUNITY = {"社区工作者", "网格员", "物业管理人员", "社区居委会委员", "社区专职工作者"};
    private static final String[] VILLAGE = {"村医", "乡村教师", "驻村工作队员", "村委会委员"};
    private static final String[] TEMPORARY = {"项目经理", "技术负责人", "施工员", "安全员", "质检员", "工程师",
            "监理工程师"};

    private JobTitles() {
    }

    /** Leading posts: only for members of 36 and over who are full members, and only now and then. */
    private static final Set<String> SENIOR = Set.of("局长", "副局长", "科长", "副科长", "主任", "副主任", "镇长", "副镇长",
            "人大主席", "纪委书记", "党政办主任", "校长", "副校长", "教务主任", "年级主任", "教研组长", "主任医师",
            "副主任医师", "科主任", "副院长", "护士长", "副主任护师", "总经理", "副总经理", "部门经理", "高级工程师",
            "车间主任", "生产主管", "总经理助理", "项目经理", "技术负责人", "一级主任科员", "二级主任科员", "高级教师",
            "农民专业合作社理事长", "村委会委员", "村会计", "店长");

    static String pick(UnitKind kind, String category, Gender gender, int age, boolean probationary,
                       SplittableRandom rng) {
        String title = pick(kind, category, gender, rng);
        for (int i = 0; i < 8 && title != null && SENIOR.contains(title)
                && (age < 36 || probationary || rng.nextDouble() < 0.5); i++) {
            title = pick(kind, category, gender, rng);
        }
        return title;
    }

    private static String pick(UnitKind kind, String category, Gender gender, SplittableRandom rng) {
        String[] pool = switch (category) {
            case "02" -> FARMER;
            case "03" -> STUDENT;
            case "04" -> new String[] {retiredTitle(kind)};
            case "05" -> OTHER;
            case "06" -> NONE;
            default -> switch (kind) {
                case AGENCY, RETIRED -> AGENCY;
                case TOWNSHIP_AGENCY -> TOWNSHIP;
                case SCHOOL -> SCHOOL;
                case STUDENT -> COUNSELLOR;
                case HOSPITAL -> HOSPITAL;
                case STATE_ENTERPRISE -> SOE;
                case FIRM -> FIRM;
                case JOINT -> JOINT;
                case COMMUNITY -> COMMUNITY;
                case VILLAGE -> VILLAGE;
                case TEMPORARY -> TEMPORARY;
                case NONE -> FIRM;
            };
        };
        String title = pool[rng.nextInt(pool.length)];
        if (category.equals("06") && gender == Gender.FEMALE && rng.nextDouble() < 0.3) {
            return "家庭主妇";
        }
        return title.equals("无") ? null : title;
    }

    private static String retiredTitle(UnitKind kind) {
        return switch (kind) {
            case SCHOOL, STUDENT -> "退休教师";
            case HOSPITAL -> "退休医务人员";
            case AGENCY, TOWNSHIP_AGENCY, RETIRED -> "退休干部";
            case VILLAGE, COMMUNITY -> "退休职工";
            default -> "退休职工";
        };
    }
}
