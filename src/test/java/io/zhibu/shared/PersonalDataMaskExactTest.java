package io.zhibu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * R9.5/R9.7 public masking, stated exactly: which digits stay readable (the first three after a country code, the
 * last four), where a number begins and ends, and what counts as a country code or an ID check letter.
 */
class PersonalDataMaskExactTest {

    static Stream<Arguments> exact() {
        return Stream.of(
                // 11 digits are a number to mask; 10 only when they start with 0 (landline with area code)
                Arguments.of("13736435330", "137****5330"),
                Arguments.of("1373643533", "1373643533"),
                Arguments.of("0371631245", "037***1245"),
                Arguments.of("037163124", "037163124"),
                // +86 / 0086 prefixes are kept readable in front of the three head digits
                Arguments.of("+8613736435330", "+86137****5330"),
                Arguments.of("＋8613736435330", "＋86137****5330"),
                Arguments.of("+  8613736435330", "+  86137****5330"),
                Arguments.of("+   8613736435330", "+   861******5330"),
                Arguments.of("+x8613736435330", "+x861******5330"),
                Arguments.of("86 137 3643 5330", "86 1** **** 5330"),
                Arguments.of("+8713736435330", "+871******5330"),
                Arguments.of("+8913736435330", "+891******5330"),
                Arguments.of("0086 137 3643 5330", "0086 137 **** 5330"),
                Arguments.of("1086 137 3643 5330", "108* *** **** 5330"),
                Arguments.of("0186 137 3643 5330", "018* *** **** 5330"),
                Arguments.of("0096 137 3643 5330", "009* *** **** 5330"),
                Arguments.of("0087 137 3643 5330", "008* *** **** 5330"),
                Arguments.of("0086 137 3643 53301", "008* *** **** *3301"),
                // up to three separators join the digits of one number; a fourth ends it
                Arguments.of("137   36435330", "137   ****5330"),
                Arguments.of("137    36435330", "137    36435330"),
                // full-width and circled digits
                Arguments.of("１３７３６４３５３３０", "１３７****５３３０"),
                Arguments.of("９９９９９９９９９９９", "９９９****９９９９"),
                Arguments.of("①③⑦③⑥④③⑤③③⑨", "①③⑦****⑤③③⑨"),
                Arguments.of("⑩③⑦③⑥④③⑤③③⑨", "⑩③⑦③⑥④③⑤③③⑨"),
                // an ID check letter counts only as the 18th character
                Arguments.of("41082119900806785X", "410***********785X"),
                Arguments.of("41082119900806785x", "410***********785x"),
                Arguments.of("41082119900806785Ｘ", "410***********785Ｘ"),
                Arguments.of("41082119900806785ｘ", "410***********785ｘ"),
                Arguments.of("41082119900806785Y", "410**********6785Y"),
                Arguments.of("4108211990080678X", "410*********0678X"),
                Arguments.of("41082119900806785X1234", "410***********785X1234"));
    }

    @ParameterizedTest
    @MethodSource("exact")
    void masksExactly(String in, String out) {
        assertThat(PersonalDataMask.mask(in)).isEqualTo(out);
    }

    @Test
    void readsEverySpellingOfADigit() {
        assertThat(PersonalDataMask.digit('0')).isZero();
        assertThat(PersonalDataMask.digit('9')).isEqualTo(9);
        assertThat(PersonalDataMask.digit('０')).isZero();
        assertThat(PersonalDataMask.digit('９')).isEqualTo(9);
        assertThat(PersonalDataMask.digit('①')).isEqualTo(1);
        assertThat(PersonalDataMask.digit('⑨')).isEqualTo(9);
        assertThat(PersonalDataMask.digit('⑩')).isEqualTo(-1);
        assertThat(PersonalDataMask.digit('\u245f')).isEqualTo(-1);
        assertThat(PersonalDataMask.digit('幺')).isEqualTo(1);
        assertThat(PersonalDataMask.digit('a')).isEqualTo(-1);
    }
}
