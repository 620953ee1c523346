package io.zhibu.command;

import java.math.BigDecimal;
import java.util.List;

/**
 * 进度看板 of one task below one organization ({@code orgId}: the sender, or a child drilled into): the figures of
 * every receiver below it, and the same per child. {@code received} = signed for (any state but ISSUED),
 * {@code submitted} = feedback in hand (SUBMITTED or ACCEPTED), {@code accepted}, {@code returned} (currently
 * returned), {@code overdue} (rule C5).
 */
public record TaskProgress(long taskId, String title, long orgId, String orgName, Figures figures,
                           List<Child> children) {

    public record Figures(long total, long received, long submitted, long accepted, long returned, long overdue) {
        public int percentAccepted() {
            return total == 0 ? 0 : (int) (accepted * 100 / total);
        }
    }

    /**
     * One child of {@code orgId}: its figures; when the child is itself a receiver, its row ({@code status},
     * feedback, version for the review, the relay it sent on, if any, with the relay's own figures rolled up as
     * {@code relay}). {@code hasBelow}: receivers below it.
     */
    public record Child(long orgId, String name, long total, long received, long submitted, long accepted,
                        long returned, long overdue, ReceiverStatus status, String feedback, BigDecimal feedbackNumber,
                        String reviewComment, Integer version, Long relayTaskId, Figures relay, boolean hasBelow) {
    }
}
