package io.zhibu.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * A URL the security firewall refuses (";", "..", encoded slashes, control characters): HTTP 400 with a problem
 * detail in the request's language for the API, a plain 400 for pages — never the servlet container's error text.
 */
@Component
public class ApiRequestRejectedHandler implements RequestRejectedHandler {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ApiProblems problems;
    private final LocaleResolver locales;

    public ApiRequestRejectedHandler(ApiProblems problems, LocaleResolver locales) {
        this.problems = problems;
        this.locales = locales;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        if (!ApiFallbackHandler.isApi(request)) {
            return;
        }
        org.springframework.context.i18n.LocaleContextHolder.setLocale(locales.resolveLocale(request));
        try {
            var p = problems.validation(java.util.List.of(new io.zhibu.shared.Violation("path", "validation.path")));
            java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
            body.put("type", "about:blank");
            body.put("title", p.getTitle());
            body.put("status", p.getStatus());
            body.put("detail", p.getDetail());
            if (p.getProperties() != null) {
                body.putAll(p.getProperties());
            }
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(JSON.writeValueAsString(body));
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
    }
}
