package io.zhibu.shared.jobs;

import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Retries of after-commit deliveries (issue 19, point 9): the listeners that are not part of the publishing fact
 * (points from meetings, dues and learning) run after its commit; Spring Modulith's registry logs every delivery in
 * {@code event_publication} inside the publishing transaction and marks it complete when the listener succeeded. What
 * failed (or was cut off by a crash) is resubmitted at start-up and here every {@code zhibu.events.retry-delay}
 * (1 min) once it is older than {@code zhibu.events.retry-after} (1 min); listeners are idempotent by fact key.
 * Completed publications are archived and purged after {@code zhibu.events.keep-completed} (30 days).
 */
@Component
public class EventRetries {
    private static final Logger log = LoggerFactory.getLogger(EventRetries.class);
    private final IncompleteEventPublications incomplete;
    private final CompletedEventPublications completed;
    private final Duration retryAfter;
    private final Duration keepCompleted;

    public EventRetries(IncompleteEventPublications incomplete, CompletedEventPublications completed,
                        @Value("${zhibu.events.retry-after:PT1M}") Duration retryAfter,
                        @Value("${zhibu.events.keep-completed:P30D}") Duration keepCompleted) {
        this.incomplete = incomplete;
        this.completed = completed;
        this.retryAfter = retryAfter;
        this.keepCompleted = keepCompleted;
    }

    /** Resubmits the incomplete publications older than {@code olderThan}. */
    public void retry(Duration olderThan) {
        incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
    }

    @Scheduled(fixedDelayString = "${zhibu.events.retry-delay:PT1M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "event-publications", lockAtMostFor = "PT10M")
    void retryScheduled() {
        try {
            retry(retryAfter);
        } catch (RuntimeException e) {
            log.warn("resubmitting incomplete event publications failed; next try in a minute", e);
        }
    }

    @Scheduled(cron = "${zhibu.events.purge-cron:0 50 3 * * *}", zone = "${zhibu.zone:Asia/Shanghai}")
    @SchedulerLock(name = "event-publications-purge", lockAtMostFor = "PT30M")
    void purge() {
        completed.deletePublicationsOlderThan(keepCompleted);
    }
}
