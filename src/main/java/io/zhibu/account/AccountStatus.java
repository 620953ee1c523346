package io.zhibu.account;

/** What the security administrator's console shows and filters by. */
public enum AccountStatus {
    /** 未激活: created with the member, no password yet (an activation code sets one). */
    UNACTIVATED,
    /** 正常. */
    ACTIVE,
    /** 已锁定: by the security administrator (or after repeated failures). */
    LOCKED,
    /** 已停用: left the party, died, probation cancelled, or disabled by the security administrator. */
    DISABLED,
    /** 密码已过期: must change the password at the next sign-in. */
    EXPIRED
}
