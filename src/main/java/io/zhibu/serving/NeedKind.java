package io.zhibu.serving;

/** 服务需求 (a task the community needs done) or 微心愿 (a small wish of a resident, e.g. a hardship household). */
public enum NeedKind { NEED, WISH }
