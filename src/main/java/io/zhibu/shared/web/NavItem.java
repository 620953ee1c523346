package io.zhibu.shared.web;

import io.zhibu.shared.DataScope;
import java.util.function.Predicate;

/**
 * A main-menu entry contributed by a module (declare it as a bean); the layout shows those whose
 * {@code visibleTo} accepts the current user, ordered by {@code order}.
 */
public record NavItem(String id, String labelKey, String href, int order, Predicate<DataScope> visibleTo) {
}
