package io.zhibu.demo;

import io.zhibu.org.OrgCommands;
import io.zhibu.org.OrgDomain;
import io.zhibu.org.OrgType;
import io.zhibu.shared.Gender;
import java.time.LocalDate;
import java.util.List;

/**
 * One generated organization. {@code key} is its index in {@link RegionPlan#orgs()}; parents always come before
 * their children ({@code parentKey < key}, -1 for the root). {@code code} is a stable organization code: the GB/T 2260
 * region followed by a five-digit sequence (e.g. {@code 41082100001}), unique across the demo county and every
 * benchmark city because each uses its own region codes. {@code members} is the branch size (0 for committees,
 * general branches and groups). The secretary of a member-holding org is also its first generated member, so
 * {@code secretaryGender} and {@code secretaryBirthYear} describe that person.
 */
public record OrgSpec(int key, int parentKey, String code, String name, OrgType type, OrgDomain domain, String regionCode,
                      String hostUnitName, String hostUnitCreditCode, LocalDate establishedOn, String secretaryName,
                      Gender secretaryGender, int secretaryBirthYear, LocalDate termStartedOn, UnitKind kind,
                      String locality, int members) {

    public boolean holdsMembers() {
        return type.holdsMembers();
    }

    /** The create command registering this already-existing organization (R1.2 founding check skipped). */
    public OrgCommands.CreateOrg toCreateOrg(Long parentId) {
        return new OrgCommands.CreateOrg(parentId, name, type, domain, code, regionCode, hostUnitName,
                hostUnitCreditCode, establishedOn, secretaryName, termStartedOn, List.of(), true);
    }
}
