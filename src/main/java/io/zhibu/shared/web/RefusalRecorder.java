package io.zhibu.shared.web;

import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.Refusal;
import io.zhibu.shared.Violation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Sees every exception a controller (page or API) ends with, before the error handlers answer it, and publishes a
 * {@link Refusal} for the refusals the audit trail keeps: out of scope (404) always, invalid input (400) on writes.
 * 403s are published by the error handlers themselves ({@link io.zhibu.shared.AccessDenied}). Resolves nothing.
 */
@Component
public class RefusalRecorder implements HandlerExceptionResolver, Ordered {
    private final ApplicationEventPublisher events;
    private final ApiProblems problems;

    public RefusalRecorder(ApplicationEventPublisher events, ApiProblems problems) {
        this.events = events;
        this.problems = problems;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception ex) {
        try {
            Refusal r = refusal(request, ex);
            if (r != null) {
                events.publishEvent(r);
            }
        } catch (RuntimeException ignored) {
            // recording a refusal must never change the answer to it
        }
        return null;
    }

    private Refusal refusal(HttpServletRequest request, Exception ex) {
        String method = request.getMethod();
        String uri = request.getRequestURI();
        if (io.zhibu.shared.db.DatabaseTrouble.of(ex) == io.zhibu.shared.db.DatabaseTrouble.TIMEOUT) {
            return new Refusal(Refusal.Kind.TIMEOUT, method, uri, "statement timeout: the request was stopped");
        }
        if (ex instanceof NotFoundException) {
            return new Refusal(Refusal.Kind.NOT_FOUND, method, uri, ex.getMessage());
        }
        if ("GET".equals(method) || "HEAD".equals(method)) {
            return null;
        }
        String fields = switch (ex) {
            case InvalidInputException i -> fields(i.violations());
            case HttpMessageNotReadableException u -> fields(problems.bodyViolations(u));
            case MethodArgumentTypeMismatchException m -> m.getName() + ":type";
            default -> null;
        };
        return fields == null ? null : new Refusal(Refusal.Kind.INVALID, method, uri, fields);
    }

    private static String fields(java.util.List<Violation> vs) {
        return vs.stream().map(v -> v.field() + ":" + v.code()).distinct().limit(20).collect(Collectors.joining(", "));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
