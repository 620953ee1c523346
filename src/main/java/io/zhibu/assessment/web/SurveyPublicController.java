package io.zhibu.assessment.web;

import io.zhibu.assessment.SurveyService;
import io.zhibu.assessment.SurveyService.AnswerForm;
import io.zhibu.assessment.SurveyService.PublicSurvey;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.web.Messages;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The anonymous answer page of a three-rate survey, reached without login ({@link SurveyPublicSecurity}) by the
 * personal link or QR slip that carries a one-time ticket ({@code ?t=…}); only the ticket's keyed hash is on file, so
 * a forged ticket is refused and a used one answers 409 (issue 19).
 */
@Controller
public class SurveyPublicController {
    private final SurveyService surveys;
    private final Messages messages;

    public SurveyPublicController(SurveyService surveys, Messages messages) {
        this.surveys = surveys;
        this.messages = messages;
    }

    @GetMapping("/survey/{token}")
    public String page(@PathVariable String token, @RequestParam(name = "t", required = false) String ticket, Model model) {
        model.addAttribute("s", surveys.publicSurvey(token));
        model.addAttribute("ticket", ticket == null || ticket.isBlank() || ticket.length() > 100 ? null : ticket.strip());
        return "assessment/survey-public";
    }

    @PostMapping("/survey/{token}")
    public String answer(@PathVariable String token, @RequestParam Map<String, String> params, HttpServletResponse response,
                         Model model) {
        PublicSurvey s = surveys.publicSurvey(token);
        model.addAttribute("s", s);
        model.addAttribute("ticket", params.get("ticket"));
        try {
            surveys.answer(token, new AnswerForm(params.get("ticket"), null, integer(params.get("satisfaction")),
                    bool(params.get("aware")), bool(params.get("tookPart"))));
            model.addAttribute("thanks", true);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("actionErrors", List.copyOf(messages.fieldErrors(e.violations()).values()));
        } catch (ConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("actionErrors", List.of(messages.get(e.code(), e.args())));
        } catch (io.zhibu.shared.web.TooManyRequestsException e) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("actionErrors", List.of(messages.get(e.code(), e.retryAfterSeconds())));
        }
        return "assessment/survey-public";
    }

    private static Integer integer(String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Boolean bool(String s) {
        return s == null || s.isBlank() ? null : "true".equals(s);
    }
}
