package io.zhibu.command;

/** What feedback a task asks for (反馈要求): a text always; a figure for NUMBER. Photos and files: not yet. */
public enum FeedbackKind {
    TEXT, NUMBER, PHOTO, FILE
}
