package io.zhibu.warning;

import java.time.LocalDate;

/**
 * R4.5 介绍信有效期: the member must report within the letter's validity; warn {@code lead} days before it ends,
 * and flag the letter once expired (a new letter is needed).
 */
public final class TransferExpiryRule {
    private TransferExpiryRule() {
    }

    public static String level(LocalDate validUntil, LocalDate today, RuleSettings s) {
        if (validUntil == null) {
            return null;
        }
        if (today.isAfter(validUntil)) {
            return "EXPIRED";
        }
        return today.isBefore(validUntil.minusDays(s.threshold("lead"))) ? null : "EXPIRING";
    }

    public static LocalDate validUntilBy(LocalDate today, RuleSettings s) {
        return today.plusDays(s.threshold("lead"));
    }
}
