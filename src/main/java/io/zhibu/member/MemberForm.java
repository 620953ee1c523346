package io.zhibu.member;

import io.zhibu.shared.Gender;
import java.time.LocalDate;

/**
 * Create / edit a member. Birth date and gender may be left empty: they are derived from the ID number;
 * when given they must agree with it (R9.2). {@code fullMemberOn} is derived from the join date (R2.8).
 */
public record MemberForm(Long orgId, String name, String idNumber, Gender gender, LocalDate birthDate,
                         String ethnicity, String education, String personCategory, String jobTitle, String phone,
                         String address, MemberCategory category, LocalDate joinedOn, LocalDate fullMemberOn,
                         Integer probationExtensionMonths, Boolean flowMember, String flowDestination,
                         Boolean lostContact, LocalDate lostContactOn, Integer version) {
}
