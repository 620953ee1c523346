package io.zhibu.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Free-text input hygiene (R9.5/R9.6 input validation; §9.1 姓名 allows · and rare characters). */
class TextInputTest {

    private static void assertRefused(Executable call, String field, String code) {
        assertThatThrownBy(call::execute)
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .singleElement()
                        .satisfies(v -> {
                            assertThat(v.field()).isEqualTo(field);
                            assertThat(v.code()).isEqualTo(code);
                        }));
    }

    @ParameterizedTest(name = "R9.6 markup/control refused: [{0}]")
    @ValueSource(strings = {"<script>alert(1)</script>", "a < b", "a > b", "<b>粗体</b>", "abc\u0000", "x\u001by",
            "\u007fdel"})
    void forbiddenChars(String raw) {
        assertRefused(() -> TextInput.optional(raw, "reason", 500), "reason", "validation.forbiddenChars");
        assertRefused(() -> TextInput.required(raw, "reason", 500), "reason", "validation.forbiddenChars");
    }

    @Test
    @DisplayName("R9.6 newline and tab are allowed in free text; value is stripped")
    void newlineAndTabAllowed() {
        assertThat(TextInput.optional("第一行\n第二行\t缩进", "reason", 500)).isEqualTo("第一行\n第二行\t缩进");
        assertThat(TextInput.required("  党支部  ", "name", 100)).isEqualTo("党支部");
        assertThat(TextInput.optional("A & B 公司", "hostUnitName", 100)).isEqualTo("A & B 公司");
    }

    @Test
    @DisplayName("R9.6 length limit counts code points; over the limit is validation.tooLong with the limit as arg")
    void tooLong() {
        assertThat(TextInput.optional("党".repeat(10), "name", 10)).hasSize(10);
        assertThatThrownBy(() -> TextInput.optional("党".repeat(11), "name", 10))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .singleElement()
                        .satisfies(v -> {
                            assertThat(v.field()).isEqualTo("name");
                            assertThat(v.code()).isEqualTo("validation.tooLong");
                            assertThat(v.args()).containsExactly(10);
                        }));
        // U+20000 (CJK Ext. B) is two UTF-16 chars but one code point
        String ext = new String(Character.toChars(0x20000));
        assertThat(TextInput.optional(ext.repeat(10), "name", 10)).isEqualTo(ext.repeat(10));
        assertRefused(() -> TextInput.optional(ext.repeat(11), "name", 10), "name", "validation.tooLong");
    }

    @Test
    @DisplayName("R9.6 blank optional is null, blank required is validation.required")
    void blank() {
        assertThat(TextInput.optional(null, "code", 32)).isNull();
        assertThat(TextInput.optional("   ", "code", 32)).isNull();
        assertRefused(() -> TextInput.required(null, "name", 100), "name", "validation.required");
        assertRefused(() -> TextInput.required(" \t ", "name", 100), "name", "validation.required");
    }

    @ParameterizedTest(name = "§9.1 personName accepts [{0}]")
    @ValueSource(strings = {"阿依古丽·买买提", "张三", "欧阳娜娜", "John Smith", "Jean-Luc", "买买提•艾力",
            "王\uD840\uDC00"})
    void personNameAccepted(String raw) {
        assertThat(TextInput.personName(raw, "name")).isEqualTo(raw);
    }

    @ParameterizedTest(name = "§9.1 personName refuses [{0}]")
    @ValueSource(strings = {"张三1", "123", "张_三", "李@四", "王五!"})
    void personNameRefused(String raw) {
        assertRefused(() -> TextInput.personName(raw, "name"), "name", "validation.name");
    }

    @Test
    @DisplayName("§9.1 personName: markup, blank and >50 code points refused with their own codes")
    void personNameOtherCodes() {
        assertRefused(() -> TextInput.personName("张<三>", "name"), "name", "validation.forbiddenChars");
        assertRefused(() -> TextInput.personName("", "name"), "name", "validation.required");
        assertRefused(() -> TextInput.personName("张".repeat(51), "name"), "name", "validation.tooLong");
        assertThat(TextInput.personName("张".repeat(50), "name")).hasSize(50);
    }
}
