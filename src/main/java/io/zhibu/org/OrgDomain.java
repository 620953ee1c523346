package io.zhibu.org;

/** The seven domains (领域, §1.5); each may override thresholds and term lengths. */
public enum OrgDomain {
    /** 农村 */
    RURAL(5),
    /** 社区/街道 */
    COMMUNITY(5),
    /** 机关 */
    AGENCY(3),
    /** 学校 */
    SCHOOL(3),
    /** 医院/医卫 */
    HOSPITAL(3),
    /** 国有企业 */
    STATE_ENTERPRISE(3),
    /** 非公企业和社会组织 */
    NON_PUBLIC(3);

    private final int branchTermYears;

    OrgDomain(int branchTermYears) {
        this.branchTermYears = branchTermYears;
    }

    /** §1.3: 5 years for grassroots committees and all village/community bodies, 3 for other branches. */
    public int termYears(OrgType type) {
        return type == OrgType.COMMITTEE ? 5 : branchTermYears;
    }
}
