package io.zhibu.shared.web;

import io.zhibu.shared.ConflictException;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.Violation;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * RFC 9457 problem details for every API error, with field messages in the request's language (see
 * {@link ApiProblems}): every 400 names its field, including type and date errors of the body, the query and the
 * path; nothing answers with Spring's text or an HTML page.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(0)
public class ApiExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private final ApiProblems problems;
    private final ApplicationEventPublisher events;

    public ApiExceptionHandler(ApiProblems problems, ApplicationEventPublisher events) {
        this.problems = problems;
        this.events = events;
    }

    @ExceptionHandler(InvalidInputException.class)
    public ProblemDetail invalid(InvalidInputException e) {
        return problems.validation(e.violations());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    public ProblemDetail beanValidation(MethodArgumentNotValidException e) {
        return bound(e);
    }

    @ExceptionHandler(BindException.class)
    public ProblemDetail bound(BindException e) {
        List<Violation> vs = new ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(f -> vs.add(new Violation(f.getField(),
                f.isBindingFailure() ? ApiProblems.typeCode(typeOf(e, f.getField()), f.getRejectedValue()) : "validation.invalid")));
        e.getBindingResult().getGlobalErrors().forEach(g -> vs.add(new Violation("body", "validation.invalid")));
        return problems.validation(vs);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return problems.validation(problems.bodyViolations(e));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return problems.validation(List.of(new Violation(e.getName(), ApiProblems.typeCode(e.getRequiredType(), e.getValue()))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    public ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return problems.validation(List.of(new Violation(e.getParameterName(), "validation.required")));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    public ProblemDetail missingPart(MissingServletRequestPartException e) {
        return problems.validation(List.of(new Violation(e.getRequestPartName(), "validation.required")));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    public ProblemDetail methodValidation(HandlerMethodValidationException e) {
        List<Violation> vs = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> vs.add(new Violation(
                r.getMethodParameter().getParameterName() == null ? "body" : r.getMethodParameter().getParameterName(),
                "validation.invalid")));
        return problems.validation(vs.isEmpty() ? List.of(new Violation("body", "validation.invalid")) : vs);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        ProblemDetail p = problems.validation(List.of(new Violation("file", "upload.tooLarge")));
        p.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(p);
    }

    @ExceptionHandler(MultipartException.class)
    public ProblemDetail multipart(MultipartException e) {
        return problems.validation(List.of(new Violation("file", "upload.unreadable")));
    }

    @ExceptionHandler(NotFoundException.class)
    public ProblemDetail notFound(NotFoundException e) {
        return problems.status(HttpStatus.NOT_FOUND, "error.notFound");
    }

    @ExceptionHandler(ForbiddenException.class)
    public ProblemDetail forbidden(ForbiddenException e) {
        events.publishEvent(new io.zhibu.shared.AccessDenied(e.getMessage()));
        return problems.status(HttpStatus.FORBIDDEN, "error.forbidden");
    }

    @ExceptionHandler(ConflictException.class)
    public ProblemDetail conflict(ConflictException e) {
        ProblemDetail p = problems.status(HttpStatus.CONFLICT, e.code(), e.args());
        p.setTitle(problems.text("error.conflict"));
        return p;
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    public ProblemDetail concurrent(OptimisticLockingFailureException e) {
        return problems.status(HttpStatus.CONFLICT, "error.concurrentChange");
    }

    @ExceptionHandler(TooManyRequestsException.class)
    public ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e) {
        return TooManyRequestsException.answer(problems, e);
    }

    /**
     * Spring's own typed errors (405, 406, 415 …) with the status and our text; anything else a 500 without any
     * internal text (the cause is in the log).
     */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception e) throws Exception {
        if (ApiFallbackHandler.belongsToSecurity(e)) {
            throw e;
        }
        if (e instanceof ErrorResponse r) {
            return ApiFallbackHandler.typed(problems, r);
        }
        io.zhibu.shared.db.DatabaseTrouble trouble = io.zhibu.shared.db.DatabaseTrouble.of(e);
        if (trouble != null) {
            return databaseTrouble(problems, trouble, e);
        }
        log.error("Unexpected error in an API request", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(problems.status(HttpStatus.INTERNAL_SERVER_ERROR, "error.unexpected"));
    }

    /**
     * 503 for a statement cut off by its timeout (or a lock wait) and for a database that cannot be reached: the
     * request changed nothing and may be tried again ({@code Retry-After}); the timeout is audited by
     * {@link RefusalRecorder}.
     */
    static ResponseEntity<ProblemDetail> databaseTrouble(ApiProblems problems, io.zhibu.shared.db.DatabaseTrouble trouble,
                                                         Exception e) {
        log.warn("API request answered 503 ({}): {}", trouble, e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "10")
                .body(problems.status(HttpStatus.SERVICE_UNAVAILABLE,
                        trouble == io.zhibu.shared.db.DatabaseTrouble.TIMEOUT ? "error.timeout" : "error.databaseUnavailable"));
    }

    private static Class<?> typeOf(BindException e, String field) {
        try {
            return e.getBindingResult().getFieldType(field);
        } catch (RuntimeException ignored) {
            return null;
        }
    }
}
