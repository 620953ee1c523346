package io.zhibu.member.internal;

import io.zhibu.member.MemberCategory;
import io.zhibu.shared.Gender;
import java.time.LocalDate;

/** A validated member ready to store (plaintext sensitive fields; the repository seals them). */
public record MemberRow(long orgId, String orgPath, long regionOrgId, String name, Gender gender, String ethnicity,
                        LocalDate birthDate, String idNumber, String phone, String address, String education,
                        String personCategory, String jobTitle, MemberCategory category, LocalDate joinedOn,
                        LocalDate fullMemberOn, int probationExtensionMonths, boolean flowMember,
                        String flowDestination, boolean lostContact, LocalDate lostContactOn) {

    /** What the other modules learn of this row once registered under {@code id} (a new member's standing is normal). */
    public io.zhibu.member.MemberEvents.MemberFacts registeredAs(long id) {
        return new io.zhibu.member.MemberEvents.MemberFacts(id, orgId, orgPath, regionOrgId, category, joinedOn,
                fullMemberOn, io.zhibu.member.MemberStanding.NORMAL);
    }
}
