package io.zhibu.member.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The character pairs a name search asks the PostgreSQL index for (V33_1's member_name_grams holds them all). */
class NameGramsTest {
    @Test
    void pairsOfAdjacentCharactersOrTheOneCharacter() {
        assertThat(MemberRepository.nameGrams("王")).containsExactly("王");
        assertThat(MemberRepository.nameGrams("王建")).containsExactly("王建");
        assertThat(MemberRepository.nameGrams("欧阳建华")).containsExactly("欧阳", "阳建", "建华");
        assertThat(MemberRepository.nameGrams("哈哈哈")).containsExactly("哈哈");
    }

    @Test
    void countsCodePointsLikePostgresql() {
        String ji = new String(Character.toChars(0x20BB7)); // 𠮷, outside the BMP: one character, two chars in Java
        assertThat(MemberRepository.nameGrams(ji)).containsExactly(ji);
        assertThat(MemberRepository.nameGrams("吉" + ji + "祥")).containsExactly("吉" + ji, ji + "祥");
    }
}
