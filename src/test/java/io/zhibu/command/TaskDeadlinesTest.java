package io.zhibu.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhibu.shared.InvalidInputException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Rules C2–C5 of docs/modules/command.md against their numbers. */
class TaskDeadlinesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    private static void rejected(LocalDate due, LocalDate parent, String code) {
        assertThatThrownBy(() -> TaskDeadlines.checkDueOn(due, TODAY, parent)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> {
                    var v = ((InvalidInputException) e).violations().getFirst();
                    assertThat(v.field()).isEqualTo("dueOn");
                    assertThat(v.code()).isEqualTo(code);
                });
    }

    @Test
    void c2DeadlineTodayToOneYearAhead() {
        assertThatNoException().isThrownBy(() -> TaskDeadlines.checkDueOn(TODAY, TODAY, null));
        assertThatNoException().isThrownBy(() -> TaskDeadlines.checkDueOn(TODAY.plusDays(366), TODAY, null));
        rejected(null, null, "validation.required");
        rejected(TODAY.minusDays(1), null, "command.dueOn.past");
        rejected(TODAY.plusDays(367), null, "command.dueOn.tooFar");
    }

    @Test
    void c3ReceiptDueAfterReceiptDaysButNeverAfterTheDeadline() {
        assertThat(TaskDeadlines.receiptDueOn(TODAY, TODAY.plusDays(10), 2)).isEqualTo(TODAY.plusDays(2));
        assertThat(TaskDeadlines.receiptDueOn(TODAY, TODAY.plusDays(1), 2)).isEqualTo(TODAY.plusDays(1));
        assertThat(TaskDeadlines.receiptDueOn(TODAY, TODAY, 2)).isEqualTo(TODAY);
        assertThat(TaskDeadlines.receiptDueOn(TODAY, TODAY.plusDays(10), 0)).isEqualTo(TODAY);
    }

    @Test
    void c4RelayNotLaterThanTheParent() {
        LocalDate parent = TODAY.plusDays(10);
        assertThatNoException().isThrownBy(() -> TaskDeadlines.checkDueOn(parent, TODAY, parent));
        assertThatNoException().isThrownBy(() -> TaskDeadlines.checkDueOn(parent.minusDays(3), TODAY, parent));
        rejected(parent.plusDays(1), parent, "command.dueOn.afterParent");
    }

    @Test
    void c5Overdue() {
        LocalDate receipt = TODAY.plusDays(2);
        LocalDate due = TODAY.plusDays(10);
        // on the deadline day nothing is late yet
        assertThat(TaskDeadlines.overdue(ReceiverStatus.ISSUED, receipt, due, receipt)).isNull();
        assertThat(TaskDeadlines.overdue(ReceiverStatus.ISSUED, receipt, due, receipt.plusDays(1))).isEqualTo(Overdue.RECEIPT);
        assertThat(TaskDeadlines.overdue(ReceiverStatus.RECEIVED, receipt, due, receipt.plusDays(1))).isNull();
        assertThat(TaskDeadlines.overdue(ReceiverStatus.RECEIVED, receipt, due, due)).isNull();
        assertThat(TaskDeadlines.overdue(ReceiverStatus.RECEIVED, receipt, due, due.plusDays(1))).isEqualTo(Overdue.FEEDBACK);
        assertThat(TaskDeadlines.overdue(ReceiverStatus.ISSUED, receipt, due, due.plusDays(1))).isEqualTo(Overdue.FEEDBACK);
        assertThat(TaskDeadlines.overdue(ReceiverStatus.RETURNED, receipt, due, due.plusDays(1))).isEqualTo(Overdue.FEEDBACK);
        assertThat(TaskDeadlines.overdue(ReceiverStatus.SUBMITTED, receipt, due, due.plusDays(1))).isNull();
        assertThat(TaskDeadlines.overdue(ReceiverStatus.ACCEPTED, receipt, due, due.plusDays(1))).isNull();
    }

    @Test
    void c5OverCountsOfOneTask() {
        LocalDate receipt = TODAY.plusDays(2);
        LocalDate due = TODAY.plusDays(10);
        assertThat(TaskDeadlines.overdueCount(3, 7, receipt, due, receipt)).isZero();
        assertThat(TaskDeadlines.overdueCount(3, 7, receipt, due, receipt.plusDays(1))).isEqualTo(3);
        assertThat(TaskDeadlines.overdueCount(3, 7, receipt, due, due)).isEqualTo(3);
        assertThat(TaskDeadlines.overdueCount(3, 7, receipt, due, due.plusDays(1))).isEqualTo(7);
    }
}
