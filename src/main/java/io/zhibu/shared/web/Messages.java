package io.zhibu.shared.web;

import io.zhibu.shared.Violation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Resolves message-bundle keys in the current request's language (for pages and problem details). */
@Component
public class Messages {
    private final MessageSource source;

    public Messages(MessageSource source) {
        this.source = source;
    }

    public String get(String code, Object... args) {
        return source.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }

    /** Enum constant name → label from the keys {@code prefix + NAME}, in declaration order (for selects). */
    public Map<String, String> labels(Enum<?>[] values, String prefix) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Enum<?> v : values) {
            m.put(v.name(), get(prefix + v.name()));
        }
        return m;
    }

    /** Field → message, for showing violations inline next to form fields. */
    public Map<String, String> fieldErrors(List<Violation> violations) {
        Map<String, String> m = new LinkedHashMap<>();
        violations.forEach(v -> m.putIfAbsent(v.field(), get(v.code(), v.args())));
        return m;
    }
}
