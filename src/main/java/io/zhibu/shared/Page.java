package io.zhibu.shared;

import java.util.List;

/** One page of results with the total count (page numbers start at 0). */
public record Page<T>(List<T> items, int page, int size, long total) {
    public static final int MAX_SIZE = 200;

    public int totalPages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public static int clampSize(Integer size) {
        return size == null || size < 1 ? 20 : Math.min(size, MAX_SIZE);
    }

    public static int clampPage(Integer page) {
        return page == null || page < 0 ? 0 : page;
    }
}
