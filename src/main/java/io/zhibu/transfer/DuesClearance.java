package io.zhibu.transfer;

import java.time.YearMonth;

/**
 * Port: are the member's dues paid up to the transfer month (R4.4)? The dues module implements it; until it is
 * wired, {@link #UNKNOWN} answers "unknown" and the approval goes ahead with that noted on the letter.
 */
public interface DuesClearance {
    /** {@code paidUntil} = last month paid, when known. */
    record Answer(Status status, YearMonth paidUntil) {
    }

    enum Status {
        PAID_UP, OWING, UNKNOWN
    }

    Answer check(long memberId, YearMonth transferMonth);

    DuesClearance UNKNOWN = (memberId, month) -> new Answer(Status.UNKNOWN, null);
}
