package io.zhibu.member.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/** An upload over the configured limit: a clear 413 (problem detail for the API, the upload page otherwise). */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UploadLimitAdvice {
    private final MessageSource messages;

    public UploadLimitAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public Object tooLarge(HttpServletRequest request) {
        String text = messages.getMessage("import.file.tooLarge", new Object[] {40}, LocaleContextHolder.getLocale());
        if (request.getRequestURI().startsWith("/api/")) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, text);
            p.setTitle(text);
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(p);
        }
        ModelAndView mv = new ModelAndView("lifecycle/import", HttpStatus.CONTENT_TOO_LARGE);
        mv.addObject("uploadError", text);
        return mv;
    }
}
