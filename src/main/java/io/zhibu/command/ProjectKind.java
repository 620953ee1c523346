package io.zhibu.command;

/** The kind of a project in the project book (项目书, issue 17 point 6): who carries it. */
public enum ProjectKind {
    /** 重点项目: assigned by the catalogue's owner to the organizations it picks. */
    KEY,
    /** 基础项目: applies to every active organization of one type below the owner. */
    BASIC,
    /** 创新项目: claimed (认领) by the organizations that choose it. */
    INNOVATION
}
