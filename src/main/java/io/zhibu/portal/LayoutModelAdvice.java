package io.zhibu.portal;

import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.web.NavItem;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: the signed-in user and the menu entries (contributed by modules) they may use. */
@ControllerAdvice(annotations = Controller.class)
public class LayoutModelAdvice {
    private final List<NavItem> items;

    public LayoutModelAdvice(List<NavItem> items) {
        this.items = items.stream().sorted(Comparator.comparingInt(NavItem::order)).toList();
    }

    public record Nav(String username, String role, List<NavItem> items) {
    }

    @ModelAttribute("nav")
    public Nav nav() {
        DataScope s = CurrentScope.orNull();
        if (s == null) {
            return null;
        }
        return new Nav(s.username(), s.role().name(), items.stream().filter(i -> i.visibleTo().test(s)).toList());
    }
}
