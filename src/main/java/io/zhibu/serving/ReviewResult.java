package io.zhibu.serving;

/** The yearly review of a designation (年度评议): 优秀, 合格, 不合格 (an unqualified one is withdrawn). */
public enum ReviewResult { EXCELLENT, QUALIFIED, UNQUALIFIED }
