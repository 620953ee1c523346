package io.zhibu.dues;

/** A remittance to the upper organization (上缴党费): recorded by the branch, confirmed by the receiver. */
public enum RemittanceStatus {
    RECORDED, CONFIRMED
}
