package io.zhibu.transfer;

import io.zhibu.member.MemberForm;

/**
 * One step. {@code version} as read (two people approving at once: one wins, the other gets 409);
 * {@code validMonths} for ISSUE/REISSUE (R4.5); {@code targetBranchId} for REPORT; {@code member} for REPORT of an
 * incoming letter (the member is registered then); {@code note} is the reason of RETURN and CANCEL.
 */
public record TransferCommand(TransferAction action, Integer version, String note, Integer validMonths,
                              Long targetBranchId, MemberForm member) {
}
