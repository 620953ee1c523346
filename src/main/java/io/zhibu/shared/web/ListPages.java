package io.zhibu.shared.web;

import io.zhibu.shared.Page;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Pages of lists that are computed whole (a county's branches: a few hundred lines): filter by a name fragment,
 * then cut one page, so a screen shows a summary and 25 lines instead of the whole county.
 */
public final class ListPages {
    public static final int PAGE_SIZE = 25;

    private ListPages() {
    }

    /** The page {@code page} (0-based, clamped to the last page) of {@code all}. */
    public static <T> Page<T> page(List<T> all, Integer page, int size) {
        int pages = Math.max(1, (all.size() + size - 1) / size);
        int p = Math.min(Page.clampPage(page), pages - 1);
        int from = Math.min(all.size(), p * size);
        return new Page<>(List.copyOf(all.subList(from, Math.min(all.size(), from + size))), p, size, all.size());
    }

    /** The lines whose name contains {@code q} (case-insensitive; blank = all). */
    public static <T> List<T> named(List<T> all, String q, Function<T, String> name) {
        if (q == null || q.isBlank()) {
            return all;
        }
        String needle = q.strip().toLowerCase(Locale.ROOT);
        Predicate<T> match = t -> name.apply(t) != null && name.apply(t).toLowerCase(Locale.ROOT).contains(needle);
        return all.stream().filter(match).toList();
    }

    /** A page link base: {@code path?k=v&…} with the blank values left out. */
    public static String base(String path, Object... keyValues) {
        var b = org.springframework.web.util.UriComponentsBuilder.fromPath(path);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            Object v = keyValues[i + 1];
            if (v != null && !v.toString().isBlank()) {
                b.queryParam(keyValues[i].toString(), v);
            }
        }
        return b.encode().build().toUriString();
    }
}
