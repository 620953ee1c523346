package io.zhibu.portal;

import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.Role;
import io.zhibu.shared.web.NavItem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout needs: the signed-in user and the menu they may use — the entries contributed by modules,
 * filtered by role and arranged in at most seven {@link NavGroup}s (a group the role cannot use is not shown).
 */
@ControllerAdvice(annotations = Controller.class)
public class LayoutModelAdvice {
    /** The OpenAPI page: for the platform administrator only (never for members; R9.6 roles have their consoles). */
    static final NavItem API_DOCS = new NavItem("nav-api", "nav.api", "/swagger-ui", 990, s -> s.role() == Role.ADMIN);

    private final List<NavItem> items;
    private final java.time.ZoneId zone;

    public LayoutModelAdvice(List<NavItem> items, java.time.Clock clock) {
        this.zone = clock.getZone();
        List<NavItem> all = new ArrayList<>(items);
        all.add(API_DOCS);
        this.items = all.stream().sorted(Comparator.comparingInt(NavItem::order)).toList();
    }

    /** A top-level menu group with its entries (never empty). */
    public record Group(String id, String labelKey, List<NavItem> items) {
        public boolean single() {
            return items.size() == 1;
        }
    }

    public record Nav(String username, String role, List<NavItem> items, List<Group> groups) {
        public boolean member() {
            return Role.MEMBER.name().equals(role);
        }
    }

    /** The configured zone ({@code zhibu.zone}, Asia/Shanghai by default): every page shows times in it. */
    @ModelAttribute("zone")
    public java.time.ZoneId zone() {
        return zone;
    }

    @ModelAttribute("nav")
    public Nav nav() {
        DataScope s = CurrentScope.orNull();
        if (s == null) {
            return null;
        }
        List<NavItem> visible = items.stream().filter(i -> i.visibleTo().test(s)).toList();
        return new Nav(s.username(), s.role().name(), visible, groups(visible));
    }

    static List<Group> groups(List<NavItem> visible) {
        Map<NavGroup, List<NavItem>> by = new EnumMap<>(NavGroup.class);
        for (NavItem i : visible) {
            by.computeIfAbsent(NavGroup.of(i.href()), g -> new ArrayList<>()).add(i);
        }
        List<Group> out = new ArrayList<>();
        by.forEach((g, list) -> {
            if (g != NavGroup.HOME) {
                out.add(new Group(g.id(), g.labelKey(), List.copyOf(list)));
            }
        });
        // 首页 always comes first: the home page plus the to-do list and inbox (where the role has them)
        List<NavItem> home = new ArrayList<>();
        home.add(new NavItem("nav-home", "nav.home", "/", 0, s -> true));
        home.addAll(by.getOrDefault(NavGroup.HOME, List.of()));
        out.addFirst(new Group(NavGroup.HOME.id(), NavGroup.HOME.labelKey(), List.copyOf(home)));
        return out;
    }
}
