package io.zhibu.shared.web;

import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.RecordDates;
import io.zhibu.shared.Violation;
import java.lang.reflect.Type;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Every date in a JSON request body is a record date (see {@link RecordDates}) unless its name says it is a birth
 * date: a year outside 1921 … this year + 5 is refused with the field's path, before any service sees the body.
 * One place instead of a range check beside every date field of every command.
 */
@ControllerAdvice
public class RecordDateAdvice extends RequestBodyAdviceAdapter {
    private static final int MAX_DEPTH = 4;
    private final Clock clock;

    public RecordDateAdvice(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        List<Violation> errors = new ArrayList<>();
        walk(body, "", LocalDate.now(clock), errors, 0);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return body;
    }

    static void walk(Object value, String path, LocalDate today, List<Violation> errors, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        Integer year = yearOf(value);
        if (year != null) {
            if (!path.toLowerCase(Locale.ROOT).contains("birth") && !RecordDates.inRange(year, today)) {
                errors.add(RecordDates.violation(path.isEmpty() ? "body" : path, today));
            }
            return;
        }
        if (value instanceof Collection<?> c) {
            int i = 0;
            for (Object o : c) {
                walk(o, path + "[" + i++ + "]", today, errors, depth + 1);
            }
            return;
        }
        if (value instanceof Record r && r.getClass().getName().startsWith("io.zhibu.")) {
            for (var component : r.getClass().getRecordComponents()) {
                try {
                    var accessor = component.getAccessor();
                    accessor.setAccessible(true);
                    walk(accessor.invoke(r), path.isEmpty() ? component.getName() : path + "." + component.getName(),
                            today, errors, depth + 1);
                } catch (ReflectiveOperationException | RuntimeException ignored) {
                    // a component that cannot be read is not a date to check
                }
            }
        }
    }

    private static Integer yearOf(Object v) {
        return switch (v) {
            case LocalDate d -> d.getYear();
            case LocalDateTime d -> d.getYear();
            case OffsetDateTime d -> d.getYear();
            case ZonedDateTime d -> d.getYear();
            case YearMonth d -> d.getYear();
            default -> null;
        };
    }
}
