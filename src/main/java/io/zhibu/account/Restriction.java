package io.zhibu.account;

/** What a signed-in user may do before anything else. */
public enum Restriction {
    /** Nothing pending. */
    NONE,
    /** 停止党籍: reads only (and own password, sign-out). */
    READ_ONLY,
    /** The password expired (staff roles): only the password change. */
    PASSWORD_CHANGE,
    /** A second factor is required for the role and not set up yet (prod): only enrolment. */
    MFA_ENROLL,
    /** Pages only: the password was right, the second-factor code is still to be entered. */
    MFA_PENDING
}
