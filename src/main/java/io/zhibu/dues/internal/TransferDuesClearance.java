package io.zhibu.dues.internal;

import io.zhibu.dues.DuesService;
import io.zhibu.shared.CurrentScope;
import io.zhibu.shared.NotFoundException;
import io.zhibu.transfer.DuesClearance;
import java.time.YearMonth;
import org.springframework.stereotype.Component;

/** R4.4: the transfer module asks, before approving a transfer out, whether dues are paid up to the transfer month. */
@Component
class TransferDuesClearance implements DuesClearance {
    private final DuesService dues;

    TransferDuesClearance(DuesService dues) {
        this.dues = dues;
    }

    @Override
    public Answer check(long memberId, YearMonth transferMonth) {
        try {
            YearMonth paid = dues.paidUpTo(CurrentScope.get(), memberId).orElse(null);
            boolean paidUp = paid != null && !paid.isBefore(transferMonth);
            return new Answer(paidUp ? Status.PAID_UP : Status.OWING, paid);
        } catch (NotFoundException e) {
            return new Answer(Status.UNKNOWN, null); // no dues account (e.g. not liable yet)
        }
    }
}
