package io.zhibu.account;

import java.time.OffsetDateTime;

/**
 * One account as the console shows it. Deliberately nothing of the roster beyond name, organization and login
 * (等保 三权分立: the security administrator manages identities, not members).
 */
public record AccountSummary(long id, String login, String displayName, io.zhibu.shared.Role role, Long orgId, String orgName,
                             AccountStatus status, boolean memberAccount, boolean readOnly, boolean mfaEnrolled,
                             OffsetDateTime lastSignInAt, int activeSessions) {
}
