package io.zhibu.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** RFC 6238 (TOTP): the appendix B vector, the drift window and malformed codes. */
class TotpTest {
    /** Base32 of the RFC 6238 SHA-1 seed "12345678901234567890". */
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    private static Clock at(long epochSecond) {
        return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }

    @Test
    void rfc6238AppendixBVectorsInSixDigits() {
        // RFC 6238 appendix B, SHA-1: T=59 -> 94287082, T=1111111109 -> 07081804 (last six digits)
        assertThat(Totp.code(RFC_SECRET, at(59))).isEqualTo("287082");
        assertThat(Totp.code(RFC_SECRET, at(1111111109))).isEqualTo("081804");
        assertThat(Totp.verify(RFC_SECRET, "287082", at(59))).isTrue();
    }

    @Test
    void oneStepOfDriftEitherWayIsAcceptedTwoAreNot() {
        String code = Totp.code(RFC_SECRET, at(1111111109));
        assertThat(Totp.verify(RFC_SECRET, code, at(1111111109 + 30))).isTrue();
        assertThat(Totp.verify(RFC_SECRET, code, at(1111111109 - 30))).isTrue();
        assertThat(Totp.verify(RFC_SECRET, code, at(1111111109 + 95))).isFalse();
    }

    @Test
    void malformedCodesAreRefused() {
        assertThat(Totp.verify(RFC_SECRET, null, at(59))).isFalse();
        assertThat(Totp.verify(RFC_SECRET, "28708", at(59))).isFalse();
        assertThat(Totp.verify(RFC_SECRET, "abcdef", at(59))).isFalse();
        assertThat(Totp.verify(RFC_SECRET, "9".repeat(10_000), at(59))).isFalse();
        assertThat(Totp.verify(null, "287082", at(59))).isFalse();
    }

    @Test
    void newSecretsAreBase32AndTheUriNamesIssuerAndAccount() {
        String s = Totp.newSecret();
        assertThat(s).matches("[A-Z2-7]{32}");
        assertThat(new String(s.getBytes(StandardCharsets.US_ASCII), StandardCharsets.US_ASCII)).isEqualTo(s);
        assertThat(Totp.uri(s, "Zhibu", "secadmin")).startsWith("otpauth://totp/").contains("secret=" + s)
                .contains("issuer=Zhibu");
    }

    @Test
    void aCodeIsAcceptedOnceForItsStepAndNeverForAnEarlierOne() {
        Clock now = at(1111111109);
        long step = Totp.step(now.instant());
        String code = Totp.code(RFC_SECRET, now);
        assertThat(Totp.acceptedStep(RFC_SECRET, code, now, null)).hasValue(step);
        assertThat(Totp.acceptedStep(RFC_SECRET, code, now, step - 1)).hasValue(step);
        assertThat(Totp.acceptedStep(RFC_SECRET, code, now, step)).as("the same code again").isEmpty();
        assertThat(Totp.acceptedStep(RFC_SECRET, code, at(1111111109 + 30), step)).as("still in its window, spent")
                .isEmpty();
        String previous = Totp.code(RFC_SECRET, at(1111111109 - 30));
        assertThat(Totp.acceptedStep(RFC_SECRET, previous, now, step)).as("an older code after a newer one").isEmpty();
        String nextCode = Totp.code(RFC_SECRET, at(1111111109 + 30));
        assertThat(Totp.acceptedStep(RFC_SECRET, nextCode, now, step)).hasValue(step + 1);
    }
}
