package io.zhibu.shared.web;

import io.zhibu.shared.ConflictException;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** RFC 9457 problem details for every API error, with field messages in the request's language. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(0)
public class ApiExceptionHandler {
    private final MessageSource messages;
    private final org.springframework.context.ApplicationEventPublisher events;

    public ApiExceptionHandler(MessageSource messages, org.springframework.context.ApplicationEventPublisher events) {
        this.messages = messages;
        this.events = events;
    }

    @ExceptionHandler(InvalidInputException.class)
    public ProblemDetail invalid(InvalidInputException e) {
        return validation(e.violations());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    public ProblemDetail beanValidation(MethodArgumentNotValidException e) {
        List<Violation> vs = new ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(f -> vs.add(new Violation(f.getField(), "validation.invalid")));
        return validation(vs);
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
    public ProblemDetail unreadable(Exception e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("error.unreadable"));
        p.setTitle(text("error.badRequest"));
        return p;
    }

    @ExceptionHandler(NotFoundException.class)
    public ProblemDetail notFound(NotFoundException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, text("error.notFound"));
        p.setTitle(text("error.notFound"));
        return p;
    }

    @ExceptionHandler(ForbiddenException.class)
    public ProblemDetail forbidden(ForbiddenException e) {
        events.publishEvent(new io.zhibu.shared.AccessDenied(e.getMessage()));
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, text("error.forbidden"));
    }

    @ExceptionHandler(ConflictException.class)
    public ProblemDetail conflict(ConflictException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, text(e.code(), e.args()));
        p.setTitle(text("error.conflict"));
        return p;
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    public ProblemDetail concurrent(OptimisticLockingFailureException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, text("error.concurrentChange"));
    }

    private ProblemDetail validation(List<Violation> vs) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("error.validation"));
        p.setTitle(text("error.badRequest"));
        p.setProperty("errors", vs.stream()
                .map(v -> Map.of("field", v.field(), "code", v.code(), "message", text(v.code(), v.args())))
                .toList());
        return p;
    }

    private String text(String code, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(code, args, code, locale);
    }
}
