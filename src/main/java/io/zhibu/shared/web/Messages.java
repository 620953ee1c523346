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

    /** Field → message, for showing violations inline next to form fields. */
    public Map<String, String> fieldErrors(List<Violation> violations) {
        Map<String, String> m = new LinkedHashMap<>();
        violations.forEach(v -> m.putIfAbsent(v.field(), get(v.code(), v.args())));
        return m;
    }
}
