package io.zhibu.dues;

import static io.zhibu.dues.PaymentStatus.EXPIRED;
import static io.zhibu.dues.PaymentStatus.FAILED;
import static io.zhibu.dues.PaymentStatus.PENDING;
import static io.zhibu.dues.PaymentStatus.REVERSED;
import static io.zhibu.dues.PaymentStatus.SUCCEEDED;
import static io.zhibu.dues.PaymentStatus.UNAPPLIED;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of a dues payment (党费缴纳), pure (rules.md §5: exactly-once payment, R5.3):
 * an online payment starts PENDING → SUCCEEDED | FAILED | EXPIRED (no callback in time); a success reported after
 * FAILED or EXPIRED is still booked (→ SUCCEEDED) when the account stands where the payment was computed, else the
 * money is kept UNAPPLIED for the treasurer's reconciliation; SUCCEEDED → REVERSED by a correction. An offline
 * payment (cash, bank transfer) starts SUCCEEDED. UNAPPLIED and REVERSED are final.
 * <p>
 * The repository moves a payment with a conditional UPDATE ({@code where status in sources(to)}), so a concurrent
 * callback or expiry that got there first makes the second move a no-op instead of a double booking.
 */
public final class PaymentStateMachine {
    private static final Set<PaymentStatus> LATE = EnumSet.of(FAILED, EXPIRED);

    private PaymentStateMachine() {
    }

    /** The statuses a payment may move to {@code to} from. */
    public static Set<PaymentStatus> sources(PaymentStatus to) {
        return switch (to) {
            case PENDING -> EnumSet.noneOf(PaymentStatus.class); // only ever created so
            case SUCCEEDED -> EnumSet.of(PENDING, FAILED, EXPIRED);
            case FAILED, EXPIRED -> EnumSet.of(PENDING);
            case UNAPPLIED -> EnumSet.copyOf(LATE);
            case REVERSED -> EnumSet.of(SUCCEEDED);
        };
    }

    /** Whether {@code from → to} is a transition of the lifecycle. */
    public static boolean allowed(PaymentStatus from, PaymentStatus to) {
        return sources(to).contains(from);
    }

    /** A success that arrives after a failure report or after expiry: the money arrived late. */
    public static boolean late(PaymentStatus from) {
        return LATE.contains(from);
    }

    /**
     * What a verified gateway callback does to a payment in status {@code from}: a failure report only moves a
     * pending payment; a success books a pending one, books a late one when {@code applicable} (the account still
     * stands where the payment was computed and no newer payment is open) or else keeps it UNAPPLIED; anything
     * else is a duplicate.
     */
    public static CallbackOutcome onCallback(PaymentStatus from, boolean succeeded, boolean applicable) {
        if (!succeeded) {
            return from == PENDING ? CallbackOutcome.FAILED : CallbackOutcome.IGNORED;
        }
        if (from == PENDING) {
            return CallbackOutcome.APPLIED;
        }
        if (late(from)) {
            return applicable ? CallbackOutcome.APPLIED : CallbackOutcome.UNAPPLIED;
        }
        return CallbackOutcome.DUPLICATE;
    }

    /** The status a callback outcome leaves the payment in, or null when it changes nothing. */
    public static PaymentStatus after(CallbackOutcome outcome) {
        return switch (outcome) {
            case APPLIED -> SUCCEEDED;
            case FAILED -> FAILED;
            case UNAPPLIED -> UNAPPLIED;
            case DUPLICATE, IGNORED -> null;
        };
    }
}
