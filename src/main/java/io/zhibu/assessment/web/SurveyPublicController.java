package io.zhibu.assessment.web;

import io.zhibu.assessment.SurveyService;
import io.zhibu.assessment.SurveyService.AnswerForm;
import io.zhibu.assessment.SurveyService.PublicSurvey;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.web.Messages;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The anonymous answer page of a three-rate survey, reached by its link or QR code without login
 * ({@link SurveyPublicSecurity}). The browser gets a random respondent token in a cookie (scoped to this survey's
 * path); only its salted hash is stored with the answer, so the same browser answering again gets a clear 409.
 */
@Controller
public class SurveyPublicController {
    static final String COOKIE = "zb_survey";
    private final SurveyService surveys;
    private final Messages messages;

    public SurveyPublicController(SurveyService surveys, Messages messages) {
        this.surveys = surveys;
        this.messages = messages;
    }

    @GetMapping("/survey/{token}")
    public String page(@PathVariable String token, @CookieValue(name = COOKIE, required = false) String respondent,
                       HttpServletResponse response, Model model) {
        model.addAttribute("s", surveys.publicSurvey(token));
        if (respondent == null || respondent.length() < 16 || respondent.length() > 100) {
            Cookie c = new Cookie(COOKIE, SurveyService.randomToken(24));
            c.setPath("/survey/" + token);
            c.setHttpOnly(true);
            c.setMaxAge(400 * 24 * 3600);
            c.setAttribute("SameSite", "Lax");
            response.addCookie(c);
        }
        return "assessment/survey-public";
    }

    @PostMapping("/survey/{token}")
    public String answer(@PathVariable String token, @CookieValue(name = COOKIE, required = false) String respondent,
                         @RequestParam Map<String, String> params, HttpServletResponse response, Model model) {
        PublicSurvey s = surveys.publicSurvey(token);
        model.addAttribute("s", s);
        try {
            surveys.answer(token, new AnswerForm(respondent, params.get("audienceKind"), integer(params.get("satisfaction")),
                    bool(params.get("aware")), bool(params.get("tookPart"))));
            model.addAttribute("thanks", true);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("actionErrors", List.copyOf(messages.fieldErrors(e.violations()).values()));
        } catch (ConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("actionErrors", List.of(messages.get(e.code(), e.args())));
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
