package io.zhibu.shared.web;

import io.zhibu.shared.Violation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Errors of {@code /api} requests that no API controller handled — an unknown path (404), a wrong method (405),
 * a wrong content type (415), a broken multipart body — as problem details instead of Spring's error page. Other
 * requests are left to the page error handling (the exception is rethrown).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiFallbackHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiFallbackHandler.class);
    private final ApiProblems problems;

    public ApiFallbackHandler(ApiProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> any(Exception e, HttpServletRequest request) throws Exception {
        if (!isApi(request) || belongsToSecurity(e)) {
            throw e;
        }
        if (e instanceof MaxUploadSizeExceededException) {
            ProblemDetail p = problems.validation(List.of(new Violation("file", "upload.tooLarge")));
            p.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(p);
        }
        if (e instanceof MultipartException) {
            return ResponseEntity.badRequest().body(problems.validation(List.of(new Violation("file", "upload.unreadable"))));
        }
        if (e instanceof ErrorResponse r) {
            return typed(problems, r);
        }
        log.error("Unexpected error in an API request", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(problems.status(HttpStatus.INTERNAL_SERVER_ERROR, "error.unexpected"));
    }

    static boolean isApi(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String ctx = request.getContextPath();
        return uri != null && uri.startsWith((ctx == null ? "" : ctx) + "/api/");
    }

    /** Spring Security's own exceptions must reach its filters (401/403 handling). */
    static boolean belongsToSecurity(Exception e) {
        return e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException;
    }

    static ResponseEntity<ProblemDetail> typed(ApiProblems problems, ErrorResponse r) {
        HttpStatusCode status = r.getStatusCode();
        String code = switch (r) {
            case HttpRequestMethodNotSupportedException m -> "error.methodNotAllowed";
            case HttpMediaTypeNotSupportedException m -> "error.mediaType";
            case HttpMediaTypeNotAcceptableException m -> "error.notAcceptable";
            default -> status.value() == 404 ? "error.notFound" : status.is5xxServerError() ? "error.unexpected" : "error.unreadable";
        };
        ProblemDetail p = problems.status(status, code);
        ResponseEntity.BodyBuilder b = ResponseEntity.status(status);
        r.getHeaders().forEach((k, v) -> b.header(k, v.toArray(String[]::new)));
        return b.body(p);
    }
}
