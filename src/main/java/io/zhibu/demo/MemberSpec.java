package io.zhibu.demo;

import io.zhibu.member.MemberCategory;
import io.zhibu.member.MemberForm;
import io.zhibu.shared.Gender;
import java.time.LocalDate;

/** One generated member of the branch {@code orgKey} (an {@link OrgSpec#key()}). */
public record MemberSpec(int orgKey, String name, String idNumber, Gender gender, LocalDate birthDate,
                         String ethnicity, String education, String personCategory, String jobTitle, String phone,
                         String address, MemberCategory category, LocalDate joinedOn) {

    /** The form for {@code MemberService.seed}; the full-member date is derived from the join date there. */
    public MemberForm toForm(long orgId) {
        return new MemberForm(orgId, name, idNumber, gender, birthDate, ethnicity, education, personCategory,
                jobTitle, phone, address, category, joinedOn, null, 0, false, null, false, null, null);
    }
}
