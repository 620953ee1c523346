package io.zhibu.org;

import java.time.LocalDate;

/** A term with its committee (names as written, member ids of the roll: R1.4) and the R1.8 reminder level; {@code deferredUntil}: an approved 延期换届 (R1.7), which the reminder uses. */
public record TermView(long id, long orgId, String orgName, LocalDate startedOn, int termYears, LocalDate endsOn,
                       boolean current, String secretary, String deputySecretary, String organizationMember,
                       String propagandaMember, String disciplineMember, TermReminder reminder,
                       LocalDate deferredUntil, Long secretaryId, Long deputySecretaryId, Long organizationMemberId,
                       Long propagandaMemberId, Long disciplineMemberId) {
}
