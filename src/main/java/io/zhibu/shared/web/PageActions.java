package io.zhibu.shared.web;

import io.zhibu.shared.ConflictException;
import io.zhibu.shared.InvalidInputException;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A page's form action (POST → redirect): runs it; refused input (400: the fields' messages) or a conflict (409: its
 * message) becomes the {@code actionErrors} flash of the page it returns to, nothing changed. One helper instead of
 * the same {@code act(...)} in every page controller.
 */
@Component
public class PageActions {
    private final Messages messages;

    public PageActions(Messages messages) {
        this.messages = messages;
    }

    /** The action's redirect, or back to {@code back} with the refusal as flash messages. */
    public String run(RedirectAttributes flash, String back, Supplier<String> action) {
        try {
            return action.get();
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("actionErrors", List.copyOf(messages.fieldErrors(e.violations()).values()));
        } catch (ConflictException e) {
            flash.addFlashAttribute("actionErrors", List.of(messages.get(e.code(), e.args())));
        }
        return "redirect:" + back;
    }
}
