package io.zhibu.command;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A sent task as its sender sees it, with its receivers' figures. */
public record TaskView(long id, String title, String content, FeedbackKind feedbackKind, LocalDate dueOn,
                       LocalDate receiptDueOn, long senderOrgId, String senderOrgName, Long parentTaskId,
                       String targetSummary, int receiverCount, long accepted, OffsetDateTime createdAt) {
}
