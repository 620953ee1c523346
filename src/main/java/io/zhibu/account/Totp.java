package io.zhibu.account;

import com.bastiaanjansen.otp.HMACAlgorithm;
import com.bastiaanjansen.otp.SecretGenerator;
import com.bastiaanjansen.otp.TOTPGenerator;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * TOTP second factor (RFC 6238 through otp-java): 6 digits, 30-second steps, HMAC-SHA1 — what every authenticator
 * app understands. A code of the previous or next step is accepted too (clock drift, {@value #DRIFT_STEPS} step).
 */
public final class Totp {
    public static final int DIGITS = 6;
    public static final Duration STEP = Duration.ofSeconds(30);
    public static final int DRIFT_STEPS = 1;

    private Totp() {
    }

    /** A new random 160-bit secret, Base32 (as authenticator apps take it). */
    public static String newSecret() {
        return new String(SecretGenerator.generate(160), StandardCharsets.US_ASCII);
    }

    private static TOTPGenerator generator(String secret, Clock clock) {
        return new TOTPGenerator.Builder(secret.getBytes(StandardCharsets.US_ASCII))
                .withHOTPGenerator(b -> {
                    b.withPasswordLength(DIGITS);
                    b.withAlgorithm(HMACAlgorithm.SHA1);
                })
                .withPeriod(STEP).withClock(clock).build();
    }

    /** The current code (tests and the enrolment check). */
    public static String code(String secret, Clock clock) {
        return generator(secret, clock).now();
    }

    /** Whether {@code code} (6 digits) is right now, allowing one step of drift either way. */
    public static boolean verify(String secret, String code, Clock clock) {
        if (secret == null || code == null) {
            return false;
        }
        String c = code.strip().replace(" ", "");
        if (!c.matches("\\d{" + DIGITS + "}")) {
            return false;
        }
        return generator(secret, clock).verify(c, DRIFT_STEPS);
    }

    /** The otpauth:// URI shown as a QR code at enrolment. */
    public static String uri(String secret, String issuer, String account) {
        try {
            return generator(secret, Clock.systemUTC()).getURI(issuer, account).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
