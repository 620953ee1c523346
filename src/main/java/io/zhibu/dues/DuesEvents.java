package io.zhibu.dues;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Dues facts other modules keep projections of (member points: on-time and late payment, R5.6 "count in 积分").
 * Published synchronously inside the booking transaction.
 */
public final class DuesEvents {
    private DuesEvents() {
    }

    /** A payment was booked for these months on {@code paidOn} (online callback or the treasurer's cash entry). */
    public record MonthsPaid(long paymentId, long memberId, List<YearMonth> months, LocalDate paidOn) {
    }

    /** The payment was reversed (correction by the treasurer). */
    public record PaymentReversed(long paymentId, long memberId, LocalDate on) {
    }
}
