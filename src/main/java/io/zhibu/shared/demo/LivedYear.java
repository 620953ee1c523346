package io.zhibu.shared.demo;

import java.time.LocalDate;
import java.util.Set;

/**
 * Demo and benchmark data only: a module writes a year of plausible history (meetings held, bills paid, people in
 * development, transfers, a published assessment …) for one loaded region into its own tables, set-based and in
 * batches, because going through the services one record at a time would take far too long for a county's year.
 * The demo module's {@code LivedYearLoader} calls every implementation in {@link #order()} for the demo county at
 * first start ({@code zhibu.demo.lived-year}) and for a generated city ({@code zhibu.datagen.lived-year}).
 * Implementations must obey the rules of {@code rules.md} (meeting frequencies, dues rates, step gaps) and be
 * deterministic: the same seed, region and day give the same rows.
 */
public interface LivedYear {
    /** What the module generates, for the log ("meetings", "dues" …). */
    String name();

    /** When to run: lower first (committees 5, meetings 10, dues 20, development 30, points 35, transfers 40, assessment 80). */
    int order();

    /** Writes the year before {@code region.today()} for the region; returns the number of rows written. */
    long generate(Region region);

    /** {@link #runsAfter()}: every part of a lower {@link #order()} (the safe default). */
    Set<String> ALL_BEFORE = Set.of("*");

    /**
     * The {@link #name()}s of the parts that must have finished before this one starts; the loader runs parts whose
     * prerequisites are done side by side (meetings beside dues). The default waits for every part of a lower order.
     * A narrower set is a promise: this part neither changes what the parts running beside it read (the roster above
     * all — transfers move members, so they keep the default) nor reads what they write.
     */
    default Set<String> runsAfter() {
        return ALL_BEFORE;
    }

    /**
     * The region to fill: its root organization (id, materialized path), "today" from the configured clock, and
     * the seed; {@link #months()} months of history end with the month before today's.
     */
    record Region(long rootId, String rootPath, LocalDate today, long seed, int months) {
        /** The first day of the first month of history. */
        public LocalDate firstDay() {
            return today.withDayOfMonth(1).minusMonths(months);
        }

        /** Whether {@code path} lies in the region's subtree. */
        public boolean covers(String path) {
            return path.startsWith(rootPath);
        }

        /** A random source for one purpose and key (deterministic: the same seed, purpose and key, the same numbers). */
        public java.util.SplittableRandom random(String purpose, long key) {
            long h = seed * 0x9E3779B97F4A7C15L + purpose.hashCode();
            h = (h ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L + key;
            return new java.util.SplittableRandom(h ^ (h >>> 29));
        }

        /**
         * How diligent each branch is (0–1: the share of obligations it meets), the same for every module so that a
         * branch that skips meetings also lags with dues: about 15 % "model" branches at 1.0 (every obligation met: the
         * five-star candidates), about 70 % 0.88–1.0, about 11 % 0.70–0.88, and the weakest max(3, 4 %) "lagging" at
         * 0.30–0.55 (the weak-and-lax candidates).
         */
        public java.util.Map<Long, Double> diligence(java.util.Collection<Long> branchIds) {
            java.util.List<Long> ids = new java.util.ArrayList<>(new java.util.TreeSet<>(branchIds));
            java.util.Map<Long, Double> draw = new java.util.HashMap<>();
            for (long id : ids) {
                draw.put(id, random("diligence", id).nextDouble());
            }
            ids.sort(java.util.Comparator.comparingDouble(draw::get));
            int lagging = Math.min(ids.size(), Math.max(3, Math.round(ids.size() * 0.04f)));
            java.util.Map<Long, Double> out = new java.util.HashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                long id = ids.get(i);
                double u = random("diligence-level", id).nextDouble();
                double d = i < lagging ? 0.30 + 0.25 * u : draw.get(id) < 0.15 ? 0.70 + 0.18 * u
                        : draw.get(id) >= 0.85 ? 1.0 : 0.88 + 0.11 * u;
                out.put(id, d);
            }
            return out;
        }

        /** Whether a branch of the given diligence is a model branch (meets every obligation). */
        public static boolean model(double diligence) {
            return diligence >= 1.0;
        }

        /** Whether a branch of the given diligence is one of the lagging ones. */
        public static boolean lagging(double diligence) {
            return diligence < 0.6;
        }
    }
}
