package io.zhibu.audit;

import java.time.OffsetDateTime;

/**
 * What the audit chain verifier found: rows checked (of them archived, and written before the chain existed) and the
 * first break, null when the chain is whole.
 */
public record ChainReport(long checked, long archived, long legacy, boolean intact, Break firstBreak) {
    public static ChainReport of(long checked, long archived, long legacy, Break firstBreak) {
        return new ChainReport(checked, archived, legacy, firstBreak == null, firstBreak);
    }

    /**
     * The first place the chain does not hold: {@code MAC} a row's content no longer matches its MAC (edited);
     * {@code LINK} a row's prev_mac is not the MAC of the row before it (a row deleted or inserted before it).
     */
    public record Break(long id, OffsetDateTime occurredAt, String kind) {
    }
}
