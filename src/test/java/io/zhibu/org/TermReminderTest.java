package io.zhibu.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** R1.8 reminders: T-6, T-3, T-1 months, then overdue. */
class TermReminderTest {
    static final LocalDate END = LocalDate.of(2027, 6, 30);

    @Test
    void levels() {
        assertThat(TermReminder.of(END, END.minusMonths(6).minusDays(1))).isEqualTo(TermReminder.NONE);
        assertThat(TermReminder.of(END, END.minusMonths(6))).isEqualTo(TermReminder.T6);
        assertThat(TermReminder.of(END, END.minusMonths(3).minusDays(1))).isEqualTo(TermReminder.T6);
        assertThat(TermReminder.of(END, END.minusMonths(3))).isEqualTo(TermReminder.T3);
        assertThat(TermReminder.of(END, END.minusMonths(1))).isEqualTo(TermReminder.T1);
        assertThat(TermReminder.of(END, END)).isEqualTo(TermReminder.T1);
        assertThat(TermReminder.of(END, END.plusDays(1))).isEqualTo(TermReminder.OVERDUE);
        assertThat(TermReminder.of(null, END)).isEqualTo(TermReminder.NONE);
    }
}
