package io.zhibu.org;

import java.time.LocalDate;
import java.util.List;

/** Inputs of the organization operations (API bodies and form objects). */
public final class OrgCommands {
    private OrgCommands() {
    }

    /**
     * Create an organization under {@code parentId}. {@code foundingMemberIds} move into it (R1.2 counts their
     * full members). {@code existing = true} registers an organization that already exists (data migration; admin only).
     */
    public record CreateOrg(Long parentId, String name, OrgType type, OrgDomain domain, String code,
                            String regionCode, String hostUnitName, String hostUnitCreditCode,
                            LocalDate establishedOn, String secretaryName, LocalDate termStartedOn,
                            List<Long> foundingMemberIds, Boolean existing) {
    }

    public record Rename(String name, Integer version) {
    }

    public record Move(Long newParentId, LocalDate effectiveOn, String reason) {
    }

    public record Merge(Long targetId, LocalDate effectiveOn, String reason) {
    }

    public record Dissolve(LocalDate effectiveOn, String reason) {
    }
}
