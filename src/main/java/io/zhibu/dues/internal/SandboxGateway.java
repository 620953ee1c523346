package io.zhibu.dues.internal;

import io.zhibu.dues.DuesService;
import io.zhibu.dues.PaymentGateway;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The demo's online gateway, behaving like a real one: it answers asynchronously after a delay with an
 * HMAC-SM3-signed callback, fails with the configured probability, and delivers every callback more than once.
 * The callback goes through the same verification as {@code POST /api/v1/dues/callbacks/SANDBOX}.
 */
@Component
public class SandboxGateway implements PaymentGateway {
    private static final Logger log = LoggerFactory.getLogger(SandboxGateway.class);
    private final DuesService dues;
    private final byte[] secret;
    private final long delayMillis;
    private final double failureRate;
    private final int deliveries;

    public SandboxGateway(@Lazy DuesService dues, io.zhibu.dues.DuesProperties settings) {
        this.dues = dues;
        String secret = settings.sandbox().secret();
        byte[] key = new byte[32];
        if (secret == null || secret.isBlank()) {
            new SecureRandom().nextBytes(key); // the sandbox signs and verifies in the same process
        } else {
            key = HexFormat.of().parseHex(secret);
        }
        this.secret = key;
        this.delayMillis = settings.sandbox().delayMillis();
        this.failureRate = settings.sandbox().failureRate();
        this.deliveries = Math.max(1, settings.sandbox().deliveries());
    }

    @Override
    public String id() {
        return "SANDBOX";
    }

    @Override
    public boolean settlesImmediately() {
        return false;
    }

    @Override
    public void start(Order order) {
        boolean fail = ThreadLocalRandom.current().nextDouble() < failureRate;
        String body = "paymentId=" + order.paymentId() + "&status=" + (fail ? "FAILED" : "SUCCEEDED")
                + "&ref=" + order.reference() + (fail ? "&reason=sandbox-declined" : "");
        String signature = sign(body);
        Thread.ofVirtual().name("sandbox-callback-" + order.paymentId()).start(() -> {
            for (int i = 0; i < deliveries; i++) {
                try {
                    Thread.sleep(i == 0 ? delayMillis : 50);
                    dues.handleCallback(id(), body, signature);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    log.warn("sandbox callback for payment {} failed: {}", order.paymentId(), e.toString());
                }
            }
        });
    }

    public String sign(String body) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(secret));
        byte[] in = body.getBytes(StandardCharsets.UTF_8);
        mac.update(in, 0, in.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    @Override
    public boolean verify(String body, String signature) {
        return MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.US_ASCII),
                signature.strip().toLowerCase().getBytes(StandardCharsets.US_ASCII));
    }
}
