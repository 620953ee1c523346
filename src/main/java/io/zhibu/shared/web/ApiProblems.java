package io.zhibu.shared.web;

import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.Violation;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Builds the RFC 9457 problem details of the API: every 400 names its field(s) with a message in the request's
 * language, also when the body could not be read (wrong type, fraction for a whole number, impossible date, unknown
 * code, malformed JSON) — never Spring's or Jackson's own text.
 */
@Component
public class ApiProblems {
    private final MessageSource messages;

    public ApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    /** 400 with field errors. */
    public ProblemDetail validation(List<Violation> vs) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("error.validation"));
        p.setTitle(text("error.badRequest"));
        p.setProperty("errors", vs.stream()
                .map(v -> Map.of("field", v.field(), "code", v.code(), "message", text(v.code(), v.args())))
                .toList());
        return p;
    }

    /** A status without field errors (404, 405, 409, 415, 500 …), its text from the bundle. */
    public ProblemDetail status(HttpStatusCode status, String code, Object... args) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, text(code, args));
        p.setTitle(text(titleCode(status.value())));
        return p;
    }

    /** The field violations of a request body that could not be turned into its Java type. */
    public List<Violation> bodyViolations(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidInputException i) {
                String prefix = t == e ? "" : prefixOf(e);
                return i.violations().stream().map(v -> new Violation(join(prefix, v.field()), v.code(), v.args())).toList();
            }
        }
        JacksonException j = find(e, JacksonException.class);
        if (j == null) {
            String m = e.getMessage();
            return List.of(new Violation("body", m != null && m.startsWith("Required request body is missing")
                    ? "validation.required" : "validation.json"));
        }
        String field = path(j);
        if (j instanceof InvalidFormatException f) {
            return List.of(new Violation(orBody(field), typeCode(f.getTargetType(), f.getValue())));
        }
        if (j instanceof MismatchedInputException m) {
            return List.of(new Violation(orBody(field), typeCode(m.getTargetType(), null)));
        }
        if (j instanceof ValueInstantiationException) {
            return List.of(new Violation(orBody(field), "validation.invalid"));
        }
        if (j instanceof InputCoercionException c) {
            // a number too large for its field (e.g. 2147483648 for a count): the parser knows the property
            return List.of(new Violation(orBody(field.isEmpty() ? currentName(c) : field), "validation.numberRange"));
        }
        if (j instanceof StreamReadException) {
            return List.of(new Violation(orBody(field), "validation.json"));
        }
        return List.of(new Violation(orBody(field), "validation.invalid"));
    }

    /** The message code for a value that is not of the target type. */
    public static String typeCode(Class<?> target, Object value) {
        if (target == null) {
            return "validation.type";
        }
        if (Temporal.class.isAssignableFrom(target) || TemporalAccessor.class.isAssignableFrom(target)
                || target == LocalDate.class || target == LocalDateTime.class || target == OffsetDateTime.class
                || target == YearMonth.class || target == LocalTime.class) {
            return "validation.date";
        }
        if (target.isEnum()) {
            return "validation.unknownCode";
        }
        if (isWhole(target)) {
            if (value instanceof Number n && !(value instanceof Long || value instanceof Integer)
                    || value != null && String.valueOf(value).matches("[-+]?\\d*[.,]\\d+([eE][-+]?\\d+)?")) {
                return "validation.wholeNumber";
            }
            if (value != null && String.valueOf(value).strip().matches("[-+]?\\d+")) {
                return "validation.numberRange";
            }
            return "validation.number";
        }
        if (Number.class.isAssignableFrom(target) || target == double.class || target == float.class) {
            return "validation.number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "validation.boolean";
        }
        return "validation.type";
    }

    private static boolean isWhole(Class<?> t) {
        return t == Long.class || t == long.class || t == Integer.class || t == int.class || t == Short.class
                || t == short.class || t == java.math.BigInteger.class || t == Byte.class || t == byte.class;
    }


    /** The JSON path of the failing value as {@code a.b[2].c}. */
    static String path(JacksonException e) {
        StringBuilder b = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                if (!b.isEmpty()) {
                    b.append('.');
                }
                b.append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static String prefixOf(Throwable e) {
        JacksonException j = find(e, JacksonException.class);
        return j == null ? "" : path(j);
    }

    private static String currentName(InputCoercionException c) {
        try {
            return c.processor() instanceof JsonParser p && p.currentName() != null ? p.currentName() : "";
        } catch (RuntimeException ignored) {
            return "";
        }
    }

    private static String join(String prefix, String field) {
        return prefix.isEmpty() ? field : prefix + "." + field;
    }

    private static String orBody(String field) {
        return field == null || field.isEmpty() ? "body" : field;
    }

    private static <T> T find(Throwable e, Class<T> type) {
        List<Throwable> seen = new ArrayList<>();
        for (Throwable t = e; t != null && !seen.contains(t); t = t.getCause()) {
            seen.add(t);
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String titleCode(int status) {
        return switch (status) {
            case 400 -> "error.badRequest";
            case 404 -> "error.notFound";
            case 403 -> "error.forbidden";
            case 409 -> "error.conflict";
            case 405 -> "error.methodNotAllowed";
            case 413 -> "error.tooLarge";
            case 415 -> "error.mediaType";
            case 406 -> "error.notAcceptable";
            case 429 -> "error.tooManyRequests";
            default -> status >= 500 ? "error.title" : "error.badRequest";
        };
    }

    public String text(String code, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(code, args, code, locale);
    }
}
