package io.zhibu.warning;

import java.time.LocalDate;
import java.util.List;

/**
 * One thing a user has to do (待办): a message key with its arguments (rendered in the user's language), the
 * deadline ({@link Key} arguments are message keys too) (null = no date), how urgent, and where to do it.
 */
public record TodoItem(String kind, String messageKey, List<Object> args, LocalDate dueOn, Severity severity,
                       String href, Long orgId) {
    /** An argument that is itself a message key (rendered in the reader's language, e.g. a rule's name). */
    public record Key(String code) {
    }
}
