package io.zhibu.org;

import java.time.LocalDate;

/** An organization of the tree (组织), as other modules and the API see it. */
public record Organization(long id, Long parentId, String path, int depth, String code, String name, OrgType type,
                           OrgDomain domain, String regionCode, String hostUnitName, String hostUnitCreditCode,
                           LocalDate establishedOn, OrgStatus status, LocalDate dissolvedOn, String dissolveReason,
                           Long mergedIntoId, String secretaryName, LocalDate termStartedOn, Integer termYears,
                           long regionOrgId, int version, boolean hasChildren) {

    public LocalDate termEndsOn() {
        return termStartedOn == null || termYears == null ? null : termStartedOn.plusYears(termYears);
    }

    public boolean active() {
        return status == OrgStatus.ACTIVE;
    }
}
