package io.zhibu.disclosure.internal;

import io.zhibu.db.tables.records.DisclosureItemRecord;
import io.zhibu.disclosure.ItemStatus;
import io.zhibu.shared.DataScope;
import io.zhibu.warning.Severity;
import io.zhibu.warning.TodoItem;
import io.zhibu.warning.TodoSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A member's phone home shows what their branch and its superiors published in the last {@value #DAYS} days (at most
 * three lines, to read, no deadline); secretaries see the board's obligations instead.
 */
@Component
class DisclosureTodos implements TodoSource {
    static final int DAYS = 14;
    private final DisclosureRepository repo;

    DisclosureTodos(DisclosureRepository repo) {
        this.repo = repo;
    }

    @Override
    public List<TodoItem> todos(DataScope scope, LocalDate today) {
        if (!scope.selfOnly() || scope.scopeOrgId() == null || scope.orgPath() == null || scope.orgPath().isEmpty()) {
            return List.of();
        }
        List<TodoItem> out = new ArrayList<>();
        for (DisclosureItemRecord r : repo.visibleAt(scope.orgPath(), false, 20)) {
            if (out.size() == 3 || r.getPublishedOn().isBefore(today.minusDays(DAYS))) {
                break;
            }
            if (r.getStatus() == ItemStatus.PUBLISHED) {
                out.add(new TodoItem("disclosure", "todo.disclosure.read", List.of(r.getTitle()), null, Severity.INFO,
                        "/disclosures/" + r.getId(), r.getOrgId()));
            }
        }
        return out;
    }
}
