package io.zhibu.command;

import java.time.LocalDate;

/** A task to send (任务下发); for a relay, title and content default to the relayed task's. */
public record NewTask(String title, String content, LocalDate dueOn, FeedbackKind feedbackKind, TaskTargets targets) {
}
