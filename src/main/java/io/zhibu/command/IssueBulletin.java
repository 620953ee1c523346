package io.zhibu.command;

import java.time.LocalDate;

/**
 * Issue the bulletin of {@code orgId} (default: the caller's organization) for {@code period} (2026-11, 2026-Q4);
 * the rectification task is due on {@code dueOn} (default: {@code zhibu.command.rectification-days} from today).
 */
public record IssueBulletin(Long orgId, String period, LocalDate dueOn) {
}
