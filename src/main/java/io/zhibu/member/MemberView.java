package io.zhibu.member;

import io.zhibu.shared.Gender;
import java.time.LocalDate;

/** A member's record as shown: ID number and phone masked (see {@link RevealedContact} for the audited reveal). */
public record MemberView(long id, long orgId, String orgName, Long groupOrgId, String name, Gender gender,
                         String ethnicity, LocalDate birthDate, int age, String idNumberMasked, String phoneMasked,
                         String education, String personCategory, String jobTitle, MemberCategory category,
                         LocalDate joinedOn, LocalDate fullMemberOn, LocalDate probationEndsOn,
                         int probationExtensionMonths, MemberStanding standing, boolean flowMember,
                         String flowDestination, boolean lostContact, LocalDate lostContactOn, int version) {
}
