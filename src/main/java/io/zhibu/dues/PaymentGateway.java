package io.zhibu.dues;

import java.math.BigDecimal;

/**
 * A way of collecting dues. Offline methods (cash, bank transfer seen by the treasurer) settle at once; online
 * gateways answer later through a signed callback that {@link DuesService#handleCallback} verifies and applies
 * exactly once.
 */
public interface PaymentGateway {
    /** Stable id stored on the payment and used in the callback URL. */
    String id();

    boolean settlesImmediately();

    /** Asks the gateway to collect; called after the pending payment is committed. */
    void start(Order order);

    /** Checks the callback's signature over the raw body. */
    boolean verify(String body, String signature);

    record Order(long paymentId, long memberId, BigDecimal amount, String reference) {
    }

    /** What a verified callback says. */
    record Callback(long paymentId, boolean succeeded, String reference, String reason) {
        /** Parses {@code paymentId=..&status=SUCCEEDED|FAILED&ref=..&reason=..}. */
        public static Callback parse(String body) {
            java.util.Map<String, String> m = new java.util.HashMap<>();
            for (String pair : body.strip().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    m.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1),
                            java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            String status = m.get("status");
            if (m.get("paymentId") == null || !m.get("paymentId").matches("\\d{1,18}")
                    || !("SUCCEEDED".equals(status) || "FAILED".equals(status))) {
                throw io.zhibu.shared.InvalidInputException.of("body", "dues.callback.malformed");
            }
            return new Callback(Long.parseLong(m.get("paymentId")), "SUCCEEDED".equals(status), m.get("ref"),
                    m.get("reason"));
        }
    }
}
