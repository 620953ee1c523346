package io.zhibu.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** R9.1 (GB 11643 ID number), R9.2 (sex/birth from the ID), R9.7 (masking), R2.4 (29 Feb arithmetic). */
class IdCardNumberTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    private static final String FIELD = "idNumber";

    private static void assertRefused(String raw, String code) {
        assertThatThrownBy(() -> IdCardNumber.parse(raw, FIELD, TODAY))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .singleElement()
                        .satisfies(v -> {
                            assertThat(v.field()).isEqualTo(FIELD);
                            assertThat(v.code()).isEqualTo(code);
                        }));
    }

    @Test
    @DisplayName("R9.1 test vector 11010519491231002X parses; R9.2 birth 1949-12-31, digit 17 '2' even = female")
    void testVector() {
        IdCardNumber id = IdCardNumber.parse("11010519491231002X", FIELD, TODAY);
        assertThat(id.value()).isEqualTo("11010519491231002X");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.gender()).isEqualTo(Gender.FEMALE);
        assertThat(id.regionCode()).isEqualTo("110105");
        assertThat(id.tail()).isEqualTo("002X");
    }

    @Test
    @DisplayName("R9.2 odd digit 17 = male; leap-day birth 1980-02-29 is a real date")
    void maleAndLeapDay() {
        IdCardNumber id = IdCardNumber.parse("320102198002291235", FIELD, TODAY);
        assertThat(id.gender()).isEqualTo(Gender.MALE);
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1980, 2, 29));
        assertThat(id.regionCode()).isEqualTo("320102");
    }

    @Test
    @DisplayName("R9.1 lowercase x is accepted and normalized to uppercase X; surrounding blanks stripped")
    void lowercaseX() {
        assertThat(IdCardNumber.parse("11010519491231002x", FIELD, TODAY).value()).isEqualTo("11010519491231002X");
        assertThat(IdCardNumber.parse("  11010519491231002x ", FIELD, TODAY).value()).isEqualTo("11010519491231002X");
    }

    @ParameterizedTest(name = "R9.1 wrong check char: {0}")
    @ValueSource(strings = {"110105194912310021", "110105194912310020", "110105194912310029",
            "440304199001010012", "32010219800229123X"})
    void wrongCheckChar(String raw) {
        assertRefused(raw, "idcard.checksum");
    }

    @Test
    @DisplayName("R9.1 a changed body digit breaks the checksum")
    void changedDigit() {
        // 11010519491231003 has check char '8', so ...003X is a single-digit typo of the test vector
        assertRefused("11010519491231003X", "idcard.checksum");
    }

    @ParameterizedTest(name = "R9.1 non-existent or implausible birth date: {0}")
    @ValueSource(strings = {
            "110105194902300020", // 1949-02-30 does not exist (check char correct, so only the date is wrong)
            "110105202302290022", // 2023-02-29: 2023 is not a leap year
            "110105194913310020", // month 13
            "110105194912320020", // day 32
            "110105189912310023"  // 1899-12-31, before 1900-01-01
    })
    void invalidBirthDate(String raw) {
        assertRefused(raw, "idcard.birthdate");
    }

    @Test
    @DisplayName("R9.1 birth date in the future is refused; today itself is accepted")
    void futureBirth() {
        assertRefused("110105209901010020", "idcard.birthdate");
        // 2026-03-02 is one day after TODAY
        String tomorrow17 = "11010520260302002";
        assertRefused(tomorrow17 + IdCardNumber.checkChar(tomorrow17), "idcard.birthdate");
        assertThat(IdCardNumber.parse("110105202603010020", FIELD, TODAY).birthDate()).isEqualTo(TODAY);
        assertThat(IdCardNumber.parse("110105190001010028", FIELD, TODAY).birthDate())
                .isEqualTo(LocalDate.of(1900, 1, 1));
    }

    @ParameterizedTest(name = "R9.1 unknown GB/T 2260 province prefix: {0}")
    @ValueSource(strings = {"990105194912310023", "000105194912310020", "100105194912310020"})
    void unknownRegion(String raw) {
        assertRefused(raw, "idcard.region");
    }

    @ParameterizedTest(name = "R9.1 format: [{0}]")
    @ValueSource(strings = {"11010519491231002", "11010519491231002X1", "1101051949123100XX", "X1010519491231002X",
            "11010519491A31002X", "110105 19491231002X", "１１０１０５１９４９１２３１００２Ｘ", "11010519491231002Y"})
    void badFormat(String raw) {
        assertRefused(raw, "idcard.format");
    }

    @ParameterizedTest(name = "R9.1 required: [{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void required(String raw) {
        assertRefused(raw, "validation.required");
    }

    @ParameterizedTest(name = "R9.1 checkChar({0}) = {1}")
    @CsvSource({
            "11010519491231002, X", // S = 167, 167 mod 11 = 2  -> 'X'
            "44030419900101001, 1", // S = 176, 176 mod 11 = 0  -> '1'
            "32010219800229123, 5", // S = 216, 216 mod 11 = 7  -> '5'
            "11010519490230002, 0", // S = 155, 155 mod 11 = 1  -> '0'
            "11010120040229001, 7", // S = 126, 126 mod 11 = 5  -> '7'
            "31010120000101123, X"  // S = 79,   79 mod 11 = 2  -> 'X'
    })
    void checkChar(String first17, char expected) {
        assertThat(IdCardNumber.checkChar(first17)).isEqualTo(expected);
    }

    @Test
    @DisplayName("R9.7 mask keeps first 4 and last 4 of an 18-char ID, 10 stars between")
    void mask() {
        String masked = IdCardNumber.mask("11010519491231002X");
        assertThat(masked).isEqualTo("1101**********002X").hasSize(18);
        assertThat(IdCardNumber.parse("11010519491231002X", FIELD, TODAY).masked()).isEqualTo(masked);
        assertThat(IdCardNumber.mask(null)).isEqualTo("****");
        assertThat(IdCardNumber.mask("1234567")).isEqualTo("****");
        assertThat(IdCardNumber.mask("12345678")).isEqualTo("12345678");
    }

    @Test
    @DisplayName("R2.4/R2.1 adulthood of a 29 Feb birth is 28 Feb 18 years later when that year is not leap")
    void adulthoodLeapDay() {
        IdCardNumber leap = IdCardNumber.parse("110101200402290017", FIELD, TODAY);
        assertThat(leap.birthDate()).isEqualTo(LocalDate.of(2004, 2, 29));
        assertThat(leap.adulthood()).isEqualTo(LocalDate.of(2022, 2, 28));

        IdCardNumber plain = IdCardNumber.parse("11010519491231002X", FIELD, TODAY);
        assertThat(plain.adulthood()).isEqualTo(LocalDate.of(1967, 12, 31));
    }
}
