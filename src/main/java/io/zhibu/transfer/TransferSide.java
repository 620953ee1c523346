package io.zhibu.transfer;

/** The sending (转出) or the receiving (接收) organization's side. */
public enum TransferSide {
    SENDING, RECEIVING
}
