package io.zhibu.transfer.internal;

import io.zhibu.warning.RuleSettings;
import io.zhibu.warning.TransferExpiryRule;
import io.zhibu.warning.WarningCandidate;
import io.zhibu.warning.WarningRule;
import io.zhibu.warning.WarningSource;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * R4.5 letter validity facts: issued (or accepted, not yet reported) letters whose validity ends within the lead
 * days or has passed; the warning belongs to the sending organization. One range query (status, valid_until index).
 */
@Component
class TransferExpiryWarnings implements WarningSource {
    private final TransferRepository repo;

    TransferExpiryWarnings(TransferRepository repo) {
        this.repo = repo;
    }

    @Override
    public WarningRule rule() {
        return WarningRule.TRANSFER_EXPIRY;
    }

    @Override
    public void candidates(LocalDate today, RuleSettings settings, Consumer<WarningCandidate> sink) {
        repo.expiringLetters(TransferExpiryRule.validUntilBy(today, settings), l -> {
            String level = TransferExpiryRule.level(l.validUntil(), today, settings);
            if (level != null && l.orgId() != null) {
                sink.accept(new WarningCandidate(WarningRule.TRANSFER_EXPIRY, "transfer:" + l.transferId() + ":" + l.validUntil(),
                        l.orgId(), l.orgPath(), l.memberId(), l.memberName(), level, l.validUntil(), l.toOrgName()));
            }
        });
    }
}
