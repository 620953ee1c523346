package io.zhibu.transfer;

import java.time.LocalDate;

/**
 * Start a transfer. INTERNAL: memberId, toOrgId or toOrgCode (any org of the platform), channel. OUTGOING: memberId, toOrgName (outside the platform).
 * INCOMING (a letter from outside): memberName, fromOrgName, letterNumber, validUntil, toOrgId (your branch).
 */
public record NewTransfer(TransferKind kind, Long memberId, Long toOrgId, String toOrgCode, String toOrgName, TransferChannel channel,
                          String reason, String memberName, String fromOrgName, String letterNumber,
                          LocalDate validUntil) {
}
