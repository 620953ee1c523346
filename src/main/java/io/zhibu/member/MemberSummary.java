package io.zhibu.member;

import io.zhibu.shared.Gender;
import java.time.LocalDate;

/** One roster row. */
public record MemberSummary(long id, String name, Gender gender, int age, long orgId, String orgName,
                            MemberCategory category, LocalDate joinedOn, String idNumberMasked, String phoneMasked,
                            String education) {
}
