package io.zhibu.learning;

/**
 * Facts of the learning module for other modules (the points module posts learning points from them, R7.4).
 * Published synchronously inside the writing transaction; each is published once per fact (a repeated completion
 * or a second pass of the same level publishes nothing).
 */
public final class LearningEvents {
    private LearningEvents() {
    }

    /** A member completed a study item (学习资料) with {@code minutes} of genuine study credited on {@code date}. */
    public record MaterialCompleted(long memberId, long materialId, int minutes, java.time.LocalDate date) {
    }

    /** A member passed a level (闯关) of a question bank for the first time. */
    public record QuizLevelPassed(long memberId, long bankId, int level, java.time.LocalDate date) {
    }

    /** A member submitted a closed-book test or contest paper (score 0–100). */
    public record TestSubmitted(long memberId, long paperId, java.math.BigDecimal score, java.time.LocalDate date) {
    }

    /** Offline training hours entered by the branch for a member (学时, R7.3). */
    public record TrainingRecorded(long memberId, int year, java.math.BigDecimal hours, java.time.LocalDate date) {
    }
}
