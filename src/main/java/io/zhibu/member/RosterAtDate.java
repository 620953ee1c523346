package io.zhibu.member;

import io.zhibu.shared.Page;
import java.time.LocalDate;

/** The roster as it stood on a date, computed from the member history: counts and one page of members. */
public record RosterAtDate(LocalDate asOf, long total, long full, long probationary, long suspended,
                           Page<MemberSummary> members) {
}
