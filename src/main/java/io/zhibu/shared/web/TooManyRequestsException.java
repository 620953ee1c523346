package io.zhibu.shared.web;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * A rate limit was reached (HTTP 429 with Retry-After); {@code code} is the message key shown. Pages that do not
 * handle it get the 429 status through {@code @ResponseStatus}.
 */
@org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
public class TooManyRequestsException extends RuntimeException {
    private final String code;
    private final Duration retryAfter;

    public TooManyRequestsException(String code, Duration retryAfter) {
        super(code);
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public String code() {
        return code;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Seconds to wait, at least 1 (the Retry-After value). */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    static ResponseEntity<ProblemDetail> answer(ApiProblems problems, TooManyRequestsException e) {
        ProblemDetail p = problems.status(HttpStatus.TOO_MANY_REQUESTS, e.code(), e.retryAfterSeconds());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds())).body(p);
    }
}
