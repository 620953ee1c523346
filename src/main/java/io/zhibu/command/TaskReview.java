package io.zhibu.command;

/** The sender's review of one receiver's feedback; a return needs a comment. */
public record TaskReview(ReviewDecision decision, String comment, Integer version) {
}
