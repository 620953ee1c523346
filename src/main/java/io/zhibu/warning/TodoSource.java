package io.zhibu.warning;

import io.zhibu.shared.DataScope;
import java.time.LocalDate;
import java.util.List;

/**
 * Port of the to-do list: a module contributes what the caller has to do in it (a secretary's overdue development
 * steps, a member's unpaid dues or make-up study), always within the caller's data scope. Implemented in the
 * module's {@code internal} package; a source that has nothing for the caller's role returns an empty list.
 */
public interface TodoSource {
    List<TodoItem> todos(DataScope scope, LocalDate today);
}
