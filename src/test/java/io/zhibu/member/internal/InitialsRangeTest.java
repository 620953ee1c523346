package io.zhibu.member.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Pinyin-initials search as an index range: [prefix, nextPrefix) holds exactly the strings starting with prefix. */
class InitialsRangeTest {
    @Test
    void theUpperBoundIsTheNextPrefix() {
        assertThat(MemberRepository.nextPrefix("wjg")).isEqualTo("wjh");
        assertThat(MemberRepository.nextPrefix("w")).isEqualTo("x");
        assertThat(MemberRepository.nextPrefix("wz")).isEqualTo("x");
        assertThat(MemberRepository.nextPrefix("azz")).isEqualTo("b");
        assertThat(MemberRepository.nextPrefix("zz")).isNull(); // no upper bound: everything from "zz" on
    }

    @Test
    void theRangeHoldsExactlyThePrefixedStrings() {
        String lo = "wjg";
        String hi = MemberRepository.nextPrefix(lo);
        for (String s : new String[] {"wjg", "wjga", "wjgzz"}) {
            assertThat(s.compareTo(lo) >= 0 && s.compareTo(hi) < 0).as(s).isTrue();
        }
        for (String s : new String[] {"wjf", "wjh", "wj", "wk"}) {
            assertThat(s.compareTo(lo) >= 0 && s.compareTo(hi) < 0).as(s).isFalse();
        }
    }
}
