package io.zhibu.warning;

import io.zhibu.audit.AuditLog;
import io.zhibu.db.tables.records.WarningWarningRecord;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.TextInput;
import io.zhibu.warning.internal.WarningRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Acknowledging a warning (已知悉): the responsible person notes that they are on it. A warning is never closed by
 * hand: it closes by itself when the sweep no longer finds its fact.
 */
@Service
public class WarningService {
    private final WarningRepository repo;
    private final WarningQuery query;
    private final AuditLog audit;
    private final Clock clock;

    public WarningService(WarningRepository repo, WarningQuery query, AuditLog audit, Clock clock) {
        this.repo = repo;
        this.query = query;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public WarningViews.Detail acknowledge(DataScope scope, long id, WarningViews.AckForm form) {
        WarningQuery.requireReader(scope);
        WarningWarningRecord w = query.scoped(scope, id);
        if (form == null || form.version() == null) {
            throw InvalidInputException.of("version", "warning.version.required");
        }
        String note = TextInput.optional(form.note(), "note", 500);
        if (w.getOpenKey() == null) {
            throw new ConflictException("warning.closed");
        }
        if (w.getStatus() != WarningViews.Status.OPEN) {
            throw new ConflictException("warning.alreadyAcknowledged");
        }
        if (!repo.acknowledge(id, form.version(), scope.username(), note, LocalDate.now(clock), OffsetDateTime.now(clock),
                w.getRegionOrgId(), w.getLevel())) {
            throw new ConflictException("warning.stale");
        }
        audit.success("warning.acknowledge", "warning", id, w.getOrgPath(), w.getRule() + " " + w.getLevel());
        return query.get(scope, id);
    }
}
