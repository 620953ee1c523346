package io.zhibu.portal;

import io.zhibu.shared.ConflictException;
import io.zhibu.shared.ForbiddenException;
import io.zhibu.shared.NotFoundException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Error pages for the server-rendered UI (the API answers problem details instead). */
@ControllerAdvice(annotations = Controller.class)
@Order(10)
public class PageExceptionHandler {
    private final org.springframework.context.ApplicationEventPublisher events;

    public PageExceptionHandler(org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    public String notFound(Model model) {
        model.addAttribute("status", 404);
        model.addAttribute("messageKey", "error.notFound");
        return "error";
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    public String badRequest(Model model) {
        model.addAttribute("status", 400);
        model.addAttribute("messageKey", "error.unreadable");
        return "error";
    }

    /** Bad query parameters of a page (a form's own errors are shown by its controller). */
    @ExceptionHandler(io.zhibu.shared.InvalidInputException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    public String invalid(io.zhibu.shared.InvalidInputException e, Model model) {
        model.addAttribute("status", 400);
        model.addAttribute("messageKey", e.violations().isEmpty() ? "error.unreadable" : e.violations().getFirst().code());
        return "error";
    }

    @ExceptionHandler(ForbiddenException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    public String forbidden(ForbiddenException e, Model model) {
        events.publishEvent(new io.zhibu.shared.AccessDenied(e.getMessage()));
        model.addAttribute("status", 403);
        model.addAttribute("messageKey", "error.forbidden");
        return "error";
    }

    /** A statement cut off by its timeout, or no database: 503 with a clear page (the timeout is audited). */
    @ExceptionHandler({org.springframework.dao.DataAccessException.class, org.jooq.exception.DataAccessException.class})
    public String database(RuntimeException e, Model model, jakarta.servlet.http.HttpServletResponse response) {
        io.zhibu.shared.db.DatabaseTrouble trouble = io.zhibu.shared.db.DatabaseTrouble.of(e);
        if (trouble == null) {
            throw e;
        }
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", "10");
        model.addAttribute("status", 503);
        model.addAttribute("messageKey", trouble == io.zhibu.shared.db.DatabaseTrouble.TIMEOUT
                ? "error.timeout" : "error.databaseUnavailable");
        return "error";
    }

    @ExceptionHandler(ConflictException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    public String conflict(ConflictException e, Model model) {
        model.addAttribute("status", 409);
        model.addAttribute("messageKey", e.code());
        return "error";
    }
}
