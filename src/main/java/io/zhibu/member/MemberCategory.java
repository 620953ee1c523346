package io.zhibu.member;

/** 正式党员 / 预备党员. Probationary members have no vote or candidacy (党章 art.7, R1.10). */
public enum MemberCategory {
    FULL, PROBATIONARY
}
