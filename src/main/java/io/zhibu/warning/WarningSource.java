package io.zhibu.warning;

import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * Port of the warning engine: each owning module reports the facts of one rule from its own tables (set-based),
 * implemented in the module's {@code internal} package. The engine diffs what the sources report against the open
 * warnings: new facts open a warning, vanished facts close theirs.
 */
public interface WarningSource {
    WarningRule rule();

    /** Every current candidate of the rule on {@code today} with the rule's settings, streamed to {@code sink}. */
    void candidates(LocalDate today, RuleSettings settings, Consumer<WarningCandidate> sink);
}
