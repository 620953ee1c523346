package io.zhibu.command;

import java.time.OffsetDateTime;

/** An issued bulletin (印发的通报): its number, the branches named lagging and their rectification task. */
public record IssuedBulletin(long id, long orgId, String orgName, String period, String kind, String number,
                            int laggingCount, Long rectificationTaskId, String issuedBy, OffsetDateTime issuedAt) {
}
