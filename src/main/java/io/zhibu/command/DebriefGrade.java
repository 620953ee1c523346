package io.zhibu.command;

/** A 述职评议 grade (评议等次), given by one evaluator to one secretary's report, or the overall result. */
public enum DebriefGrade {
    /** 好. */
    GOOD,
    /** 较好. */
    FAIRLY_GOOD,
    /** 一般. */
    AVERAGE,
    /** 差: a weak-and-lax candidate fact (软弱涣散候选, rules.md §8.2 "书记不胜任"). */
    POOR
}
