package io.zhibu.warning;

import io.zhibu.shared.Role;
import java.util.List;

/**
 * Who receives notifications: the enabled working accounts with their scope organization (branch secretaries and
 * organization staff) or member id. Implemented by the account module.
 */
public interface RecipientDirectory {
    /** A user who can be notified; {@code scopeOrgId} is null for platform-wide users. */
    record Recipient(long userId, String username, String displayName, Role role, Long scopeOrgId, Long memberId) {
    }

    List<Recipient> recipients();
}
