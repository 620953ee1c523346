package io.zhibu.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** §9.1 联系电话: 11-digit mainland mobile; R9.7 masking. */
class MobilePhoneTest {

    @ParameterizedTest(name = "§9.1 [{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            "13812345678|13812345678",
            "19912345678|19912345678",
            "+8613812345678|13812345678",
            "+86 138 1234 5678|13812345678",
            "138-1234-5678|13812345678",
            "  13812345678  |13812345678"
    })
    void valid(String raw, String expected) {
        assertThat(MobilePhone.normalize(raw, "phone")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "§9.1 invalid [{0}]")
    @ValueSource(strings = {"12812345678", "10012345678", "1381234567", "138123456789", "23812345678",
            "1381234567a", "+8513812345678", "010-12345678"})
    void invalid(String raw) {
        assertThatThrownBy(() -> MobilePhone.normalize(raw, "phone"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .singleElement()
                        .satisfies(v -> {
                            assertThat(v.field()).isEqualTo("phone");
                            assertThat(v.code()).isEqualTo("phone.format");
                        }));
    }

    @Test
    @DisplayName("§9.1 phone is optional: blank or null gives null")
    void blank() {
        assertThat(MobilePhone.normalize(null, "phone")).isNull();
        assertThat(MobilePhone.normalize("", "phone")).isNull();
        assertThat(MobilePhone.normalize("   ", "phone")).isNull();
    }

    @Test
    @DisplayName("R9.7 mask 138****5678")
    void mask() {
        assertThat(MobilePhone.mask("13812345678")).isEqualTo("138****5678");
        assertThat(MobilePhone.mask(null)).isNull();
    }
}
