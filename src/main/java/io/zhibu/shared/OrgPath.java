package io.zhibu.shared;

/**
 * Materialized path of the organization tree: one fixed-width, zero-padded 8-digit segment per level (the org id).
 * Digits only, so that the subtree predicate {@code path >= p and path < upperBound(p)} is a plain B-tree range
 * under every collation (PostgreSQL's locale collations ignore punctuation, which would break '~' bounds).
 */
public final class OrgPath {
    public static final int SEGMENT = 8;
    /** The platform-wide scope: every path starts with it. */
    public static final String ROOT = "";

    private OrgPath() {
    }

    public static String child(String parentPath, long id) {
        if (id <= 0 || id >= 100_000_000L) {
            throw new IllegalArgumentException("org id out of path range: " + id);
        }
        return (parentPath == null ? "" : parentPath) + String.format("%08d", id);
    }

    /** Exclusive upper bound of the subtree: 'A' sorts after every digit in C and in locale collations. */
    public static String upperBound(String path) {
        return path + "A";
    }

    public static int depth(String path) {
        return path.length() / SEGMENT;
    }

    public static boolean covers(String ancestor, String path) {
        return path != null && path.startsWith(ancestor);
    }

    /** Id of the ancestor at the given depth (1 = top level), e.g. the region key. */
    public static long idAt(String path, int depth) {
        return Long.parseLong(path.substring((depth - 1) * SEGMENT, depth * SEGMENT));
    }
}
