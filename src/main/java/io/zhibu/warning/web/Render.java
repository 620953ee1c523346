package io.zhibu.warning.web;

import io.zhibu.shared.web.Messages;
import io.zhibu.warning.Inbox;
import io.zhibu.warning.TodoItem;
import io.zhibu.warning.WarningViews;
import java.util.List;
import org.springframework.stereotype.Component;

/** Renders to-do items and inbox messages (stored as keys and arguments) in the reader's language. */
@Component
class Render {
    private final Messages messages;

    Render(Messages messages) {
        this.messages = messages;
    }

    WarningViews.Todo todo(TodoItem t) {
        Object[] args = t.args().stream().map(a -> a instanceof TodoItem.Key k ? messages.get(k.code()) : a).toArray();
        return new WarningViews.Todo(t.kind(), messages.get(t.messageKey(), args), t.dueOn(), t.severity(), t.href(), t.orgId());
    }

    List<WarningViews.Todo> todos(List<TodoItem> items) {
        return items.stream().map(this::todo).toList();
    }

    /**
     * Issue 16 §5: the to-dos grouped by kind — in the order of each kind's most pressing item — and each shown once
     * (the same text with the same link from two sources is one task).
     */
    List<WarningViews.TodoGroup> groups(List<WarningViews.Todo> items) {
        java.util.Map<String, List<WarningViews.Todo>> byKind = new java.util.LinkedHashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (WarningViews.Todo t : items) {
            if (seen.add(t.title() + '\u0000' + t.href())) {
                byKind.computeIfAbsent(t.kind(), k -> new java.util.ArrayList<>()).add(t);
            }
        }
        return byKind.entrySet().stream().map(e -> new WarningViews.TodoGroup(e.getKey(), heading(e.getKey()), e.getValue())).toList();
    }

    /** "预警：党费欠缴", "督办：三会一课落实", or the kind's own name ("党费", "补学", …). */
    private String heading(String kind) {
        int colon = kind.indexOf(':');
        if (colon > 0) {
            return messages.get("todo.group." + kind.substring(0, colon), rule(kind.substring(colon + 1)));
        }
        return messages.get("todo.group." + kind);
    }

    WarningViews.Message message(Inbox.Raw m) {
        List<String> a = m.args();
        String text = switch (m.kind()) {
            case "WARNING" -> a.size() < 5 ? m.key() : warning(a);
            default -> messages.get(m.key(), a.toArray());
        };
        return new WarningViews.Message(m.id(), m.kind(), m.warningId(), text, null, m.createdAt(), m.read());
    }

    /** "rule：level · who · where（期限 date）", leaving out the parts a warning does not have (no blank "（期限 ）"). */
    private String warning(List<String> a) {
        StringBuilder b = new StringBuilder(messages.get("warning.rule." + a.get(0))).append(messages.get("inbox.msg.sep"))
                .append(messages.get("warning.level." + a.get(0) + "." + a.get(1)));
        for (String part : List.of(a.get(2), a.get(3))) {
            if (!part.isBlank() && b.indexOf(part) < 0) {
                b.append(" · ").append(part);
            }
        }
        if (!a.get(4).isBlank()) {
            b.append(messages.get("inbox.msg.due", a.get(4)));
        }
        return b.toString();
    }

    String rule(String id) {
        return messages.get("warning.rule." + id);
    }
}
