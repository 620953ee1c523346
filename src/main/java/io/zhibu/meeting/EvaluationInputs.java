package io.zhibu.meeting;

import java.util.Collection;
import java.util.Map;

/**
 * Port for reference inputs to 民主评议 (R8.1, §8.4): the points module implements it with each member's yearly points
 * and stars (积分定星). The committee sees them next to the self-evaluation, peer comments and anonymous counts as
 * one input among others; they never set or propose a grade. Optional: without an implementation the evaluation
 * shows no points.
 */
public interface EvaluationInputs {
    /** A member's points total and stars of the year, for reference only (参考, not a grade). */
    record PointsReference(int year, int points, int stars) {
    }

    /** The references of the given members for the year; members the source does not know are left out. */
    Map<Long, PointsReference> pointsOf(Collection<Long> memberIds, int year);
}
