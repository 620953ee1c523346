package io.zhibu.org;

import java.time.LocalDate;
import java.util.List;

/** Events published synchronously inside the changing transaction, so listeners commit or fail with it. */
public final class OrgEvents {
    private OrgEvents() {
    }

    /** A new organization; {@code foundingMemberIds} move into it on {@code effectiveOn} (its founding date). */
    public record OrgCreated(long orgId, String path, long regionOrgId, List<Long> foundingMemberIds,
                             LocalDate effectiveOn) {
    }

    /** Many existing organizations registered at once (seeding a region); no members move. */
    public record OrgsSeeded(List<Long> orgIds) {
    }

    /** A subtree moved: every path starting with {@code oldPath} now starts with {@code newPath}. */
    public record OrgMoved(long orgId, String oldPath, String newPath, long newRegionOrgId) {
    }

    /** {@code sourceId} merged into {@code targetId} on {@code effectiveOn}: the source's own members now belong to the target. */
    public record OrgMerged(long sourceId, long targetId, String targetPath, LocalDate effectiveOn) {
    }

    /** An organization was dissolved (it had no members and no active children left). */
    public record OrgDissolved(long orgId, String path) {
    }

    /** A committee term opened (recorded, or elected): its secretary and deputy by name and member id (R1.4; issue 15: roles follow positions). */
    public record TermOpened(long orgId, String path, boolean holdsMembers, String secretary, String deputySecretary,
                             Long secretaryId, Long deputySecretaryId) {
        public TermOpened(long orgId, String path, boolean holdsMembers, String secretary, String deputySecretary) {
            this(orgId, path, holdsMembers, secretary, deputySecretary, null, null);
        }
    }
}
