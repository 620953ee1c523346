package io.zhibu.command;

import java.time.OffsetDateTime;

/**
 * An issued bulletin (印发的通报): its number, the branches named lagging and their rectification task, and what
 * became of the previous bulletin's rectification ({@code previous}, null for the organization's first).
 */
public record IssuedBulletin(long id, long orgId, String orgName, String period, String kind, String number,
                            int laggingCount, Long rectificationTaskId, String issuedBy, OffsetDateTime issuedAt,
                            Rectified previous) {

    /** The previous bulletin of the same organization: how many branches it named and how many were rectified (验收). */
    public record Rectified(long bulletinId, String number, String period, int lagging, long rectified,
                            Long rectificationTaskId) {
    }
}
