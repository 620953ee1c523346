package io.zhibu.org;

import java.time.LocalDate;

/** A committee term (任期) and its members (书记, 副书记, 组织委员, 宣传委员, 纪检委员); years default per domain. */
public record TermForm(LocalDate startedOn, Integer termYears, String secretary, String deputySecretary,
                       String organizationMember, String propagandaMember, String disciplineMember) {
}
