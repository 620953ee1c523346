package io.zhibu.account;

import java.time.OffsetDateTime;

/** A one-time activation code as issued (shown once: only its keyed hash is stored). */
public record IssuedCode(long accountId, String displayName, String login, String activationCode,
                         OffsetDateTime expiresAt) {
}
