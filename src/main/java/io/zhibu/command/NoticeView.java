package io.zhibu.command;

import java.time.OffsetDateTime;

/** A notice; {@code read}: whether the caller (an addressee) has read it (always true for its sender side). */
public record NoticeView(long id, String title, String body, NoticeAudience audience, String senderOrgName,
                         int recipientCount, OffsetDateTime createdAt, boolean read) {
}
