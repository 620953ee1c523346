package io.zhibu.dues.internal;

import io.zhibu.dues.PaymentGateway;
import org.springframework.stereotype.Component;

/** Cash or bank transfer received by the treasurer, who records it with the receipt number: settled at once. */
@Component
class OfflineGateway implements PaymentGateway {
    @Override
    public String id() {
        return "OFFLINE";
    }

    @Override
    public boolean settlesImmediately() {
        return true;
    }

    @Override
    public void start(Order order) {
        // nothing to ask: the treasurer already holds the money
    }

    @Override
    public boolean verify(String body, String signature) {
        return false; // offline payments have no callbacks
    }
}
