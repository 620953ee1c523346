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
 * No replay (RFC 6238 §5.2): {@link #acceptedStep} answers the time step a code belongs to, and a code is accepted
 * only for a step later than the last one accepted for the account — so a code that was used once (or an older one)
 * is refused for the rest of its validity window.
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

    /** Whether {@code code} (6 digits) is right now, allowing one step of drift either way (replays not checked). */
    public static boolean verify(String secret, String code, Clock clock) {
        return acceptedStep(secret, code, clock, null).isPresent();
    }

    /** The time step (seconds since the epoch / 30) of an instant. */
    public static long step(java.time.Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP.toSeconds());
    }

    /**
     * The time step {@code code} belongs to, if it is right now (one step of drift either way) and belongs to a step
     * after {@code lastAccepted} (null: none accepted yet); empty otherwise. The caller stores the answer as the new
     * last accepted step.
     */
    public static java.util.OptionalLong acceptedStep(String secret, String code, Clock clock, Long lastAccepted) {
        if (secret == null || code == null) {
            return java.util.OptionalLong.empty();
        }
        String c = code.strip().replace(" ", "");
        if (!c.matches("\\d{" + DIGITS + "}")) {
            return java.util.OptionalLong.empty();
        }
        TOTPGenerator g = generator(secret, clock);
        long now = step(clock.instant());
        byte[] given = c.getBytes(StandardCharsets.US_ASCII);
        for (long s = Math.max(0, now - DRIFT_STEPS); s <= now + DRIFT_STEPS; s++) {
            // any second of the step gives its code (otp-java refuses the time 0 itself)
            String expected = g.at(java.time.Instant.ofEpochSecond(Math.max(1, s * STEP.toSeconds())));
            boolean match = java.security.MessageDigest.isEqual(given, expected.getBytes(StandardCharsets.US_ASCII));
            if (match && (lastAccepted == null || s > lastAccepted)) {
                return java.util.OptionalLong.of(s);
            }
        }
        return java.util.OptionalLong.empty();
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
