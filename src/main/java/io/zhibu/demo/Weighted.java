package io.zhibu.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** An immutable weighted choice (cumulative weights, binary search). */
final class Weighted<T> {
    private final List<T> values;
    private final double[] cumulative;

    private Weighted(List<T> values, double[] weights) {
        if (values.isEmpty() || values.size() != weights.length) {
            throw new IllegalArgumentException("values and weights must be non-empty and of equal length");
        }
        this.values = List.copyOf(values);
        this.cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] < 0) {
                throw new IllegalArgumentException("negative weight");
            }
            sum += weights[i];
            cumulative[i] = sum;
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("weights sum to zero");
        }
    }

    /** From alternating pairs {@code value, weight, value, weight, ...}; weights are any {@link Number}. */
    @SuppressWarnings("unchecked")
    static <T> Weighted<T> of(Object... pairs) {
        List<T> values = new ArrayList<>();
        double[] weights = new double[pairs.length / 2];
        for (int i = 0; i < pairs.length; i += 2) {
            values.add((T) pairs[i]);
            weights[i / 2] = ((Number) pairs[i + 1]).doubleValue();
        }
        return new Weighted<>(values, weights);
    }

    T pick(SplittableRandom rng) {
        double r = rng.nextDouble() * cumulative[cumulative.length - 1];
        int i = Arrays.binarySearch(cumulative, r);
        i = i >= 0 ? i + 1 : -i - 1;
        return values.get(Math.min(i, values.size() - 1));
    }
}
