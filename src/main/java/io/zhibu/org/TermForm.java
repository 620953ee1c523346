package io.zhibu.org;

import java.time.LocalDate;

/**
 * A committee term (任期) and its members (书记, 副书记, 组织委员, 宣传委员, 纪检委员); years default per domain. Each post
 * is picked from the roll by member id ({@code secretaryId} …, R1.4); a name alone is accepted where it is unique on
 * the roll (and, for an organization with no roll of its own such as a 党委, as written).
 */
public record TermForm(LocalDate startedOn, Integer termYears, String secretary, String deputySecretary,
                       String organizationMember, String propagandaMember, String disciplineMember, Long secretaryId,
                       Long deputySecretaryId, Long organizationMemberId, Long propagandaMemberId,
                       Long disciplineMemberId) {
    public TermForm(LocalDate startedOn, Integer termYears, String secretary, String deputySecretary,
                    String organizationMember, String propagandaMember, String disciplineMember) {
        this(startedOn, termYears, secretary, deputySecretary, organizationMember, propagandaMember, disciplineMember,
                null, null, null, null, null);
    }
}
