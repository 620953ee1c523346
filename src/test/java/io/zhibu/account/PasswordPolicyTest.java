package io.zhibu.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhibu.shared.InvalidInputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** R9.6 [L]: ≥8 characters from ≥3 of the 4 classes (upper, lower, digit, symbol). */
class PasswordPolicyTest {

    @ParameterizedTest(name = "R9.6 accepted: {0}")
    @ValueSource(strings = {"Abcdef12", "abcdef1!", "ABCDEF1!", "Abcdefg!", "Aa1!Aa1!", "党建Abc12345"})
    void accepted(String password) {
        assertThatCode(() -> PasswordPolicy.check(password)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "R9.6 refused: [{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {"abcdefgh", "ABCDEFGH", "12345678", "abcd1234", "Abcdefgh", "ABCD1234", "!!!!1111",
            "Abcde1!", "Ab1!"})
    void refused(String password) {
        assertThatThrownBy(() -> PasswordPolicy.check(password))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .singleElement()
                        .satisfies(v -> {
                            assertThat(v.field()).isEqualTo("password");
                            assertThat(v.code()).isEqualTo("account.password.weak");
                        }));
    }

    @Test
    @DisplayName("R9.6 length bounds: 8 and 128 ok, 7 and 129 refused")
    void lengthBounds() {
        assertThatCode(() -> PasswordPolicy.check("Abcdef1!")).doesNotThrowAnyException();
        assertThatThrownBy(() -> PasswordPolicy.check("Abcde1!")).isInstanceOf(InvalidInputException.class);
        String long128 = "Aa1" + "x".repeat(125);
        assertThatCode(() -> PasswordPolicy.check(long128)).doesNotThrowAnyException();
        assertThatThrownBy(() -> PasswordPolicy.check(long128 + "x")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    @DisplayName("R9.6 character classes are counted once each")
    void classes() {
        assertThat(PasswordPolicy.classes("abcdefgh")).isEqualTo(1);
        assertThat(PasswordPolicy.classes("Abcdef12")).isEqualTo(3);
        assertThat(PasswordPolicy.classes("abcdef1!")).isEqualTo(3);
        assertThat(PasswordPolicy.classes("Aa1!")).isEqualTo(4);
        assertThat(PasswordPolicy.classes("a b")).isEqualTo(2);
    }
}
