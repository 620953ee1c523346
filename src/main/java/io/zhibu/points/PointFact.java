package io.zhibu.points;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A platform fact that earns or costs points, posted through {@link PointsService#postFact(PointFact)}.
 * {@code factKey} is unique per fact (e.g. {@code meeting:12:member:34:present}): posting it again changes nothing.
 * {@code linkType}/{@code linkId} point back at the fact (shown to the member as "how it was earned");
 * {@code points} null = the item's configured points; {@code studyMinutes}/{@code quizScore} feed the generic
 * ranking columns (study hours and quiz scores from the learning module).
 */
public record PointFact(PointItem item, String factKey, long memberId, LocalDate date, String linkType, String linkId,
                        Integer points, int studyMinutes, BigDecimal quizScore, String note) {

    public PointFact {
        quizScore = quizScore == null ? BigDecimal.ZERO : quizScore;
    }

    public static PointFact of(PointItem item, String factKey, long memberId, LocalDate date, String linkType,
                               Object linkId) {
        return new PointFact(item, factKey, memberId, date, linkType, linkId == null ? null : String.valueOf(linkId),
                null, 0, null, null);
    }

    public PointFact withStudyMinutes(int minutes) {
        return new PointFact(item, factKey, memberId, date, linkType, linkId, points, minutes, quizScore, note);
    }

    public PointFact withQuizScore(BigDecimal score) {
        return new PointFact(item, factKey, memberId, date, linkType, linkId, points, studyMinutes, score, note);
    }
}
