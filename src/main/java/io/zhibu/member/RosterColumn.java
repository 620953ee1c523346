package io.zhibu.member;

/**
 * Columns of the roster spreadsheet (党员花名册, the §9.1 national member-information items), shared by the import
 * template, the import and the export, so an exported roster imports back unchanged. Headers are in Chinese.
 */
public enum RosterColumn {
    NAME("姓名", true),
    GENDER("性别", false),
    ETHNICITY("民族", true),
    ID_NUMBER("公民身份号码", true),
    BIRTH_DATE("出生日期", false),
    EDUCATION("学历", false),
    PERSON_CATEGORY("人员类别", false),
    ORG_CODE("所在党组织代码", true),
    ORG_NAME("所在党组织名称", false),
    CATEGORY("党员类别", true),
    JOINED_ON("入党日期", true),
    FULL_MEMBER_ON("转正日期", false),
    JOB_TITLE("工作岗位", false),
    PHONE("联系电话", false),
    ADDRESS("家庭住址", false),
    STANDING("党籍状态", false),
    FLOW("是否流动党员", false),
    FLOW_DESTINATION("外出流向", false),
    LOST_CONTACT("是否失联党员", false),
    LOST_CONTACT_ON("失去联系日期", false);

    private final String header;
    private final boolean requiredHeader;

    RosterColumn(String header, boolean requiredHeader) {
        this.header = header;
        this.requiredHeader = requiredHeader;
    }

    public String header() {
        return header;
    }

    /** Without this header the sheet is not a roster (wrong sheet or wrong file). */
    public boolean requiredHeader() {
        return requiredHeader;
    }

    public boolean isDate() {
        return this == BIRTH_DATE || this == JOINED_ON || this == FULL_MEMBER_ON || this == LOST_CONTACT_ON;
    }
}
