package io.zhibu.command;

/**
 * What feedback a task asks for (反馈要求): a text always; besides, a figure for NUMBER, at least one photo (an image
 * attached to the feedback) for PHOTO, at least one attached file for FILE. A reply without what the task requires is
 * refused (400 naming {@code number}, {@code photos} or {@code files}) and nothing is written.
 */
public enum FeedbackKind {
    TEXT, NUMBER, PHOTO, FILE
}
