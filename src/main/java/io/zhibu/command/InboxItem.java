package io.zhibu.command;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A task as its receiving organization sees it: the task and its own row only. */
public record InboxItem(long taskId, String title, String content, FeedbackKind feedbackKind, String senderOrgName,
                        LocalDate dueOn, LocalDate receiptDueOn, long orgId, String orgName, ReceiverStatus status,
                        String feedback, BigDecimal feedbackNumber, String reviewComment, int submissions,
                        Long relayTaskId, Overdue overdue, int version, List<ReceiverAction> actions,
                        boolean canRelay) {

    public boolean canReceive() {
        return actions.contains(ReceiverAction.RECEIVE);
    }

    public boolean canSubmit() {
        return actions.contains(ReceiverAction.SUBMIT);
    }
}
