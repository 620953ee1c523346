package io.zhibu.development;

import java.util.EnumSet;
import java.util.Set;

/**
 * The 25 steps of rules.md §2.2 (发展党员 five stages), the one definition table of the state machine: stage, actor,
 * the inputs a step needs before it can be completed, and its time rule (deadline = the date of {@code dueBasis}
 * + {@code dueMonths}, R2.4 calendar months). Gates that need more than "required input" live in {@link DevelopmentRules}.
 */
public enum DevStep {
    APPLICATION(1, 1, "applicant", EnumSet.of(Input.ATTACHMENTS), 0, 0),
    TALK(2, 1, "secretary", EnumSet.of(Input.PEOPLE), 1, 1),                       // art.7: ≤1 month
    ACTIVIST(3, 2, "committee", EnumSet.of(Input.ATTACHMENTS), 0, 0),
    ACTIVIST_FILING(4, 2, "upper", EnumSet.of(Input.ATTACHMENTS), 0, 0),
    CONTACTS(5, 2, "committee", EnumSet.of(Input.MEMBERS), 0, 0),                  // art.9: 1–2 full members
    CULTIVATION(6, 2, "contacts", EnumSet.of(Input.ATTACHMENTS), 0, 0),            // art.11: reviews every 6 months
    TARGET(7, 3, "committee", EnumSet.of(Input.NOTICE, Input.ATTACHMENTS), 0, 0),  // art.13: earliest activist +1 year
    TARGET_FILING(8, 3, "upper", EnumSet.of(Input.ATTACHMENTS), 0, 0),
    SPONSORS(9, 3, "committee", EnumSet.of(Input.MEMBERS), 0, 0),                  // art.14: exactly 2
    POLITICAL_REVIEW(10, 3, "branch", EnumSet.of(Input.DECISION, Input.ATTACHMENTS), 0, 0),
    TRAINING(11, 3, "upper", EnumSet.of(Input.TRAINING, Input.ATTACHMENTS), 0, 0),
    COMMITTEE_REVIEW(12, 4, "committee", EnumSet.of(Input.ATTACHMENTS), 0, 0),
    PRE_REVIEW(13, 4, "upper", EnumSet.of(Input.DECISION, Input.ATTACHMENTS), 0, 0),
    APPLICATION_FORM(14, 4, "candidate", EnumSet.of(Input.DOCUMENT_NO), 0, 0),
    BRANCH_MEETING(15, 4, "meeting", EnumSet.of(Input.VOTES, Input.ATTACHMENTS), 13, 1), // months configurable
    UPPER_TALK(16, 4, "upper", EnumSet.of(Input.PEOPLE), 0, 0),
    APPROVAL(17, 4, "upper", EnumSet.of(Input.DECISION), 15, 3),                   // art.25: ≤3 (max 6) months
    APPROVAL_FILING(18, 4, "orgDept", EnumSet.of(Input.ATTACHMENTS), 0, 0),
    ASSIGNMENT(19, 5, "branch", EnumSet.of(Input.GROUP), 0, 0),                  // 党小组 when the branch has groups
    OATH(20, 5, "upper", EnumSet.noneOf(Input.class), 17, 1),                      // ≤1 month [U]
    PROBATION_REVIEW(21, 5, "branch", EnumSet.of(Input.ATTACHMENTS), 0, 0),
    CONVERSION_APPLICATION(22, 5, "member", EnumSet.of(Input.ATTACHMENTS), 0, 0),
    CONVERSION_MEETING(23, 5, "meeting", EnumSet.of(Input.DECISION, Input.VOTES, Input.ATTACHMENTS), 0, 0),
    CONVERSION_APPROVAL(24, 5, "upper", EnumSet.of(Input.DECISION), 23, 3),        // art.33: ≤3 months
    ARCHIVE(25, 5, "branch", EnumSet.of(Input.ATTACHMENTS), 0, 0);

    /** What a step form asks for. */
    public enum Input {
        PEOPLE, MEMBERS, DECISION, VOTES, NOTICE, TRAINING, DOCUMENT_NO, GROUP, ATTACHMENTS
    }

    private final int no;
    private final int stage;
    private final String actor;
    private final Set<Input> inputs;
    private final int dueBasis;
    private final int dueMonths;

    DevStep(int no, int stage, String actor, Set<Input> inputs, int dueBasis, int dueMonths) {
        this.no = no;
        this.stage = stage;
        this.actor = actor;
        this.inputs = inputs;
        this.dueBasis = dueBasis;
        this.dueMonths = dueMonths;
    }

    public int no() {
        return no;
    }

    public int stage() {
        return stage;
    }

    public String actor() {
        return actor;
    }

    public Set<Input> inputs() {
        return inputs;
    }

    public boolean needs(Input input) {
        return inputs.contains(input);
    }

    /** The step whose date starts this step's clock (0 = none). */
    public int dueBasis() {
        return dueBasis;
    }

    public int dueMonths() {
        return dueMonths;
    }

    /** Reviews (培养考察 6, 继续教育考察 21) may be recorded again and again while the next step is open. */
    public boolean repeatable() {
        return this == CULTIVATION || this == PROBATION_REVIEW;
    }

    /** Conversion meeting and approval run again after a probation extension (R2.11). */
    public boolean perConversionRound() {
        return this == CONVERSION_MEETING || this == CONVERSION_APPROVAL;
    }

    public String messageKey() {
        return "dev.step." + no;
    }

    public static DevStep of(int no) {
        if (no < 1 || no > 25) {
            throw new IllegalArgumentException("step " + no);
        }
        return values()[no - 1];
    }
}
