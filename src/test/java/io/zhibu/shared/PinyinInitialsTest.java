package io.zhibu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Roster search by pinyin initials (§9.1 name field; q = pinyin initials). */
class PinyinInitialsTest {

    @ParameterizedTest(name = "§9.1 initials of [{0}] = {1}")
    @CsvSource(delimiter = '|', value = {
            "张三丰|zsf",
            // surname overrides (dictionary's first reading differs from the surname reading)
            "曾国藩|zgf",   // 曾: ceng2 first, surname zeng
            "单田芳|stf",   // 单: dan1 first, surname shan
            "解缙|xj",      // 解: jie3 first, surname xie
            "区家麟|ojl",   // 区: qu1 first, surname ou
            "朴树|ps",      // 朴: po4 first, surname piao
            // the override applies to the surname only, not to a given-name character
            "李曾|lc",
            "王单|wd",
            // Latin letters are kept lowercased; digits and punctuation dropped
            "Tom|tom",
            "李A明|lam",
            "张3|z",
            // minority names with the middle dot
            "阿依古丽·买买提|ayglmmt",
            "阿依古丽 买买提|ayglmmt"
    })
    void initials(String name, String expected) {
        assertThat(PinyinInitials.of(name)).isEqualTo(expected);
    }
}
