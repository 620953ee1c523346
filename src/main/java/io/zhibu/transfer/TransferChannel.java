package io.zhibu.transfer;

/** R4.3: online inside the system, or the three-part paper letter (介绍信) with its receipt (回执). */
public enum TransferChannel {
    ONLINE, PAPER
}
