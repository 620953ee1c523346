package io.zhibu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 19 point 5: 30 spellings of the same personal numbers (mobile 137 3643 5330, ID 410821 19900806 7852 and
 * friends) are all masked on public pages, and ordinary numbers in a text are left alone.
 */
class PersonalDataMaskTest {

    static Stream<Arguments> leaking() {
        return Stream.of(
                Arguments.of("13736435330", "5330"),
                Arguments.of("+86 137-3643-5330", "5330"),
                Arguments.of("+8613736435330", "5330"),
                Arguments.of("0086 137 3643 5330", "5330"),
                Arguments.of("(+86) 137 3643 5330", "5330"),
                Arguments.of("137 3643 5330", "5330"),
                Arguments.of("137-3643-5330", "5330"),
                Arguments.of("137.3643.5330", "5330"),
                Arguments.of("137/3643/5330", "5330"),
                Arguments.of("(137) 3643 5330", "5330"),
                Arguments.of("１３７３６４３５３３０", "５３３０"),
                Arguments.of("１３７－３６４３－５３３０", "５３３０"),
                Arguments.of("137\u30003643\u30005330", "5330"),
                Arguments.of("137\u00a03643\u00a05330", "5330"),
                Arguments.of("137\u200b3643\u200b5330", "5330"),
                Arguments.of("1 3 7 3 6 4 3 5 3 3 0", "5 3 3 0"),
                Arguments.of("137 — 3643 — 5330", "5330"),
                Arguments.of("幺三七三六四三五三三〇", "五三三〇"),
                Arguments.of("一三七三六四三五三三零", "五三三零"),
                Arguments.of("137三六四三5330", "5330"),
                Arguments.of("410821199008067852", "7852"),
                Arguments.of("410821 19900806 7852", "7852"),
                Arguments.of("410821-19900806-7852", "7852"),
                Arguments.of("4108 2119 9008 0678 52", "78 52"),
                Arguments.of("４１０８２１１９９００８０６７８５２", "７８５２"),
                Arguments.of("41082119900806785X", "785X"),
                Arguments.of("410821 19900806 785x", "785x"),
                Arguments.of("41082119900806785Ｘ", "785Ｘ"),
                Arguments.of("0371-6312 4567", "4567"),
                Arguments.of("6222 0202 0000 1234 567", "4 567"));
    }

    @ParameterizedTest
    @MethodSource("leaking")
    void masksEverySpelling(String number, String tail) {
        String text = "联系：" + number + "，欢迎参加";
        String masked = PersonalDataMask.mask(text);
        String digits = masked.chars().filter(c -> PersonalDataMask.digit((char) c) >= 0).collect(StringBuilder::new,
                StringBuilder::appendCodePoint, StringBuilder::append).toString();
        assertThat(masked).as(text).contains("*").startsWith("联系：").endsWith("，欢迎参加").contains(tail);
        // at most the first 3 digits (after a country code) and the last 4 remain readable
        assertThat(digits.length()).as(masked).isLessThanOrEqualTo(11);
        assertThat(masked).doesNotContain("3643").doesNotContain("19900806").doesNotContain("１９９００８０６")
                .doesNotContain("三六四三").doesNotContain("0202 0000");
    }

    @ParameterizedTest
    @MethodSource("harmless")
    void leavesOrdinaryNumbersAlone(String text) {
        assertThat(PersonalDataMask.mask(text)).isEqualTo(text);
    }

    static Stream<String> harmless() {
        return Stream.of("2026-05-18 14:00 在三楼会议室", "第3期 共 45 人参加，捐款 1,000 元", "一二三四五", "编号 2026-0012",
                "电话见通知", "", "会议 9:30–11:30，R1.12");
    }

    @org.junit.jupiter.api.Test
    void keepsTheCountryCodeAndTheShape() {
        assertThat(PersonalDataMask.mask("+86 137-3643-5330")).isEqualTo("+86 137-****-5330");
        assertThat(PersonalDataMask.mask("410821 19900806 7852")).isEqualTo("410*** ******** 7852");
        assertThat(PersonalDataMask.mask(null)).isNull();
    }
}
