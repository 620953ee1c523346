package io.zhibu.org;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * R9.3 统一社会信用代码 (GB 32100-2015). Charset 0123456789ABCDEFGHJKLMNPQRTUWXY, weights 3^i mod 31,
 * check = 31 − (Σ mod 31), 31 → 0.
 */
class CreditCodeTest {

    @Test
    @DisplayName("R9.3 91350100M000100Y43 is valid (Σ = 1640, 1640 mod 31 = 28, c = 3)")
    void knownValid() {
        // 9·1 + 1·3 + 3·9 + 5·27 + 0·19 + 1·26 + 0·16 + 0·17 + M(21)·20 + 0·29 + 0·25 + 0·13 + 1·8 + 0·24 + 0·10
        // + Y(30)·30 + 4·28 = 1640; 1640 mod 31 = 28; 31 − 28 = 3 → '3'
        assertThat(CreditCode.isValid("91350100M000100Y43")).isTrue();
    }

    @Test
    @DisplayName("R9.3 Σ mod 31 = 0 gives c = 31 → check char '0'")
    void thirtyOneMapsToZero() {
        // same as above with digit 17 = 3: Σ = 1640 − 28 = 1612 = 52·31
        assertThat(CreditCode.isValid("91350100M000100Y30")).isTrue();
        assertThat(CreditCode.isValid("91350100M000100Y3Y")).isFalse();
    }

    @ParameterizedTest(name = "R9.3 one changed character is invalid: {0}")
    @ValueSource(strings = {"91350100M000100Y44", "91350100M000100Y42", "91350100M000100Y53", "81350100M000100Y43",
            "91350100N000100Y43", "91350101M000100Y43", "91350100M000100X43"})
    void changedChar(String code) {
        assertThat(CreditCode.isValid(code)).isFalse();
    }

    @ParameterizedTest(name = "R9.3 wrong length: [{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {"91350100M000100Y4", "91350100M000100Y430", "91350100M000100Y43 "})
    void wrongLength(String code) {
        assertThat(CreditCode.isValid(code)).isFalse();
    }

    @ParameterizedTest(name = "R9.3 letters I, O, S, V, Z (and lowercase) are not in the charset: {0}")
    @ValueSource(strings = {"91350100I000100Y43", "91350100O000100Y43", "91350100S000100Y43", "91350100V000100Y43",
            "91350100Z000100Y43", "91350100m000100Y43", "91350100M000100Y3O"})
    void forbiddenLetters(String code) {
        assertThat(CreditCode.isValid(code)).isFalse();
    }
}
