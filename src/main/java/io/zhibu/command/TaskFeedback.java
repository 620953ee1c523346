package io.zhibu.command;

import java.math.BigDecimal;

/** A receiver's feedback (反馈): the text, a figure when the task asks for one, and the row version read. */
public record TaskFeedback(String text, BigDecimal number, Integer version) {
}
