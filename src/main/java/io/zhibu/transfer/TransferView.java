package io.zhibu.transfer;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A transfer as its sides see it, with the actions the viewer may take now. */
public record TransferView(long id, TransferKind kind, TransferChannel channel, TransferStatus status, Long memberId,
                           String memberName, String memberIdMasked, Long fromOrgId, String fromOrgName, Long toOrgId,
                           String toOrgName, String reason, String letterNumber, LocalDate issuedOn,
                           LocalDate validUntil, boolean overdue, String duesPaidUntil, String returnReason,
                           Long targetBranchId, int version, String createdBy, OffsetDateTime createdAt,
                           List<Step> steps, List<TransferAction> actions) {

    public record Step(TransferAction action, TransferStatus fromStatus, TransferStatus toStatus, String note,
                       String actor, OffsetDateTime at) {
    }
}
