package io.zhibu.transfer;

/** Where the transfer runs: between two orgs of the platform, out of it, or into it from outside. */
public enum TransferKind {
    /** 系统内转接: sending and receiving org on the platform (any two subtrees). */
    INTERNAL,
    /** 转出本系统: paper letter to an organization outside the platform. */
    OUTGOING,
    /** 从系统外转入: a paper letter from outside registered by the receiving org. */
    INCOMING
}
