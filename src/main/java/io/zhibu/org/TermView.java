package io.zhibu.org;

import java.time.LocalDate;

/** A term with its committee and the R1.8 reminder level; {@code deferredUntil}: an approved 延期换届 (R1.7), which the reminder uses. */
public record TermView(long id, long orgId, String orgName, LocalDate startedOn, int termYears, LocalDate endsOn,
                       boolean current, String secretary, String deputySecretary, String organizationMember,
                       String propagandaMember, String disciplineMember, TermReminder reminder,
                       LocalDate deferredUntil) {
}
