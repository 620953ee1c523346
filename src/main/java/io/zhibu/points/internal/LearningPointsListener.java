package io.zhibu.points.internal;

import io.zhibu.learning.LearningEvents;
import io.zhibu.points.PointFact;
import io.zhibu.points.PointItem;
import io.zhibu.points.PointsService;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;

/**
 * Learning facts → points (§8.4, R7.4): a completed material (with its study minutes), a passed quiz level, a submitted
 * test (with its score). Each fact has a unique key, so a repeated event never counts twice — which makes the
 * after-commit delivery with retries (publication registry, issue 19) safe: a resubmitted event posts nothing twice.
 */
@Component
class LearningPointsListener {
    private final PointsService points;

    LearningPointsListener(PointsService points) {
        this.points = points;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(LearningEvents.MaterialCompleted e) {
        points.postFact(PointFact.of(PointItem.MATERIAL_COMPLETED, "material:" + e.materialId() + ":member:" + e.memberId(),
                e.memberId(), e.date(), "material", e.materialId()).withStudyMinutes(e.minutes()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(LearningEvents.QuizLevelPassed e) {
        points.postFact(PointFact.of(PointItem.QUIZ_LEVEL_PASSED, "quiz:" + e.bankId() + ":level:" + e.level()
                + ":member:" + e.memberId(), e.memberId(), e.date(), "quiz", e.bankId()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(LearningEvents.TestSubmitted e) {
        points.postFact(PointFact.of(PointItem.TEST_SUBMITTED, "test:" + e.paperId() + ":member:" + e.memberId(),
                e.memberId(), e.date(), "test", e.paperId()).withQuizScore(e.score()));
    }
}
