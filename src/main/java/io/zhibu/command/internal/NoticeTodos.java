package io.zhibu.command.internal;

import static io.zhibu.db.Tables.COMMAND_NOTICE;
import static io.zhibu.db.Tables.COMMAND_NOTICE_ORG;
import static io.zhibu.db.Tables.COMMAND_NOTICE_READ;

import io.zhibu.shared.DataScope;
import io.zhibu.shared.Role;
import io.zhibu.warning.Severity;
import io.zhibu.warning.TodoItem;
import io.zhibu.warning.TodoSource;
import java.time.LocalDate;
import java.util.List;
import org.jooq.Field;
import org.jooq.Record;
import org.springframework.stereotype.Component;

/**
 * Unread notices on the to-do list (and so on a member's phone home, 现在要办): a member's notices to the members
 * of a subtree it is in, a secretary's or staff's notices to its organization.
 */
@Component
class NoticeTodos implements TodoSource {
    private static final int SHOWN = 10;
    private final NoticeRepository repo;

    NoticeTodos(NoticeRepository repo) {
        this.repo = repo;
    }

    @Override
    public List<TodoItem> todos(DataScope scope, LocalDate today) {
        List<? extends Record> rows;
        Field<?> readAt;
        if (scope.role() == Role.MEMBER && scope.selfMemberId() != null && scope.scopeOrgId() != null) {
            rows = repo.toMember(scope.selfMemberId(), scope.orgPath(), 50);
            readAt = COMMAND_NOTICE_READ.READ_AT;
        } else if ((scope.role() == Role.BRANCH_SECRETARY || scope.role() == Role.ORG_STAFF) && scope.scopeOrgId() != null) {
            rows = repo.toOrg(scope.scopeOrgId(), 50);
            readAt = COMMAND_NOTICE_ORG.READ_AT;
        } else {
            return List.of();
        }
        return rows.stream().filter(x -> x.get(readAt) == null).limit(SHOWN)
                .map(x -> new TodoItem("notice", "todo.notice", List.of(x.get(COMMAND_NOTICE.TITLE)), null, Severity.INFO,
                        "/notices/" + x.get(COMMAND_NOTICE.ID), scope.scopeOrgId()))
                .toList();
    }
}
