package io.zhibu.portal;

import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: the signed-in user and which menu entries they have. */
@ControllerAdvice(annotations = Controller.class)
public class LayoutModelAdvice {
    public record Nav(String username, String role, boolean orgs, boolean members, boolean audit) {
    }

    @ModelAttribute("nav")
    public Nav nav() {
        DataScope s = CurrentScope.orNull();
        if (s == null) {
            return null;
        }
        return new Nav(s.username(), s.role().name(), s.canReadOrgs(), s.canReadRoster(), s.canReadAudit());
    }
}
