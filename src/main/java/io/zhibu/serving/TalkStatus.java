package io.zhibu.serving;

/** A 五必谈 talk: owed (a to-do with a due date) or held (recorded). */
public enum TalkStatus { DUE, HELD }
