package io.zhibu.portal;

import io.zhibu.shared.web.ApiProblems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * What the servlet container's error dispatch shows (unknown URL, an error no handler caught): a page inside the
 * layout with a way back for everything outside {@code /api}, problem details (JSON) only for {@code /api} — never
 * Spring's raw JSON error body for a person.
 */
@Controller
public class ErrorPageController implements ErrorController {
    private final ApiProblems problems;

    public ErrorPageController(ApiProblems problems) {
        this.problems = problems;
    }

    @RequestMapping(value = "/error", produces = MediaType.APPLICATION_PROBLEM_JSON_VALUE)
    public ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = status(request);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.status(status, code(status)));
    }

    @RequestMapping("/error")
    public Object page(HttpServletRequest request, HttpServletResponse response, Model model) {
        HttpStatus status = status(request);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null && uri.toString().startsWith(request.getContextPath() + "/api/")) {
            return problem(request);
        }
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("messageKey", code(status));
        return "error";
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus s = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return s == null ? HttpStatus.INTERNAL_SERVER_ERROR : s;
    }

    private static String code(HttpStatus status) {
        return switch (status.value()) {
            case 404 -> "error.notFound";
            case 403 -> "error.forbidden";
            case 405 -> "error.methodNotAllowed";
            case 413 -> "error.tooLarge";
            default -> status.is5xxServerError() ? "error.unexpected" : "error.badRequest";
        };
    }
}
