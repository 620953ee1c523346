package io.zhibu.command;

/**
 * A notice to send: to organizations ({@code targets}, as a task's) or to every member below {@code rootOrgId}
 * (the sender's own organization or one below it).
 */
public record NewNotice(String title, String body, NoticeAudience audience, TaskTargets targets, Long rootOrgId) {
}
