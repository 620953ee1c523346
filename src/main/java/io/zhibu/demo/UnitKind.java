package io.zhibu.demo;

/**
 * What kind of unit a branch serves, which decides its members' profile: typical branch size, share of men,
 * 人员类别 mix (codes of {@code MemberCodes.PERSON_CATEGORY}), job titles and whether addresses are rural.
 */
public enum UnitKind {
    /** 村党支部: mostly farmers, older, rural addresses. */
    VILLAGE(18, 46, 0.80, Weighted.of("02", 62, "04", 22, "05", 9, "06", 4, "01", 3), "村党支部书记、村委会主任"),
    /** 乡镇/街道机关党支部. */
    TOWNSHIP_AGENCY(25, 45, 0.70, Weighted.of("01", 86, "04", 14), "机关党支部书记、党委副书记"),
    /** 社区党支部: many retirees. */
    COMMUNITY(18, 42, 0.50, Weighted.of("04", 58, "01", 14, "05", 16, "06", 12), "社区党支部书记、居委会主任"),
    /** 机关党支部. */
    AGENCY(12, 38, 0.68, Weighted.of("01", 85, "04", 15), "机关党支部书记"),
    /** 离退休干部/教师/职工党支部. */
    RETIRED(30, 48, 0.70, Weighted.of("04", 1), "离退休党支部书记"),
    /** 学校教职工党支部. */
    SCHOOL(14, 40, 0.45, Weighted.of("01", 82, "04", 18), "党支部书记、副校长"),
    /** 学生党支部 (teachers as counsellors plus students). */
    STUDENT(10, 24, 0.45, Weighted.of("03", 85, "01", 15), "学生党支部书记、辅导员"),
    /** 医院科室党支部. */
    HOSPITAL(15, 40, 0.40, Weighted.of("01", 85, "04", 15), "党支部书记、科主任"),
    /** 国有企业党支部. */
    STATE_ENTERPRISE(12, 38, 0.75, Weighted.of("01", 80, "04", 20), "党支部书记、副总经理"),
    /** 非公企业党支部: few members. */
    FIRM(5, 18, 0.70, Weighted.of("01", 85, "05", 15), "企业党支部书记"),
    /** 联合党支部: several small units together. */
    JOINT(8, 20, 0.68, Weighted.of("01", 55, "05", 38, "06", 7), "联合党支部书记"),
    /** 临时党支部 of a project. */
    TEMPORARY(6, 14, 0.90, Weighted.of("01", 1), "临时党支部书记、项目经理"),
    /** Committees, general branches and groups: no members of their own. */
    NONE(0, 0, 0.75, Weighted.of("01", 1), "党委书记");

    final int sizeMin;
    final int sizeMax;
    final double maleShare;
    final Weighted<String> personCategories;
    final String secretaryTitle;

    UnitKind(int sizeMin, int sizeMax, double maleShare, Weighted<String> personCategories, String secretaryTitle) {
        this.sizeMin = sizeMin;
        this.sizeMax = sizeMax;
        this.maleShare = maleShare;
        this.personCategories = personCategories;
        this.secretaryTitle = secretaryTitle;
    }

    boolean rural() {
        return this == VILLAGE;
    }

    /** 人员类别 of the branch secretary. */
    String secretaryCategory() {
        return switch (this) {
            case VILLAGE -> "02";
            case RETIRED -> "04";
            default -> "01";
        };
    }
}
