package io.zhibu.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** R9.3: internal hierarchical organization id as a materialized path of fixed 8-digit segments. */
class OrgPathTest {
    private static final String TOP = "00000001";
    private static final String BRANCH = "0000000100000002";

    @Test
    @DisplayName("R9.3 child appends one zero-padded 8-digit segment")
    void child() {
        assertThat(OrgPath.child(OrgPath.ROOT, 1)).isEqualTo(TOP);
        assertThat(OrgPath.child(null, 1)).isEqualTo(TOP);
        assertThat(OrgPath.child(TOP, 2)).isEqualTo(BRANCH);
        assertThat(OrgPath.child(BRANCH, 12345)).isEqualTo("000000010000000200012345").hasSize(24);
        assertThat(OrgPath.child(OrgPath.ROOT, 99_999_999L)).isEqualTo("99999999");
    }

    @ParameterizedTest(name = "R9.3 id {0} out of path range is refused")
    @ValueSource(longs = {0, -1, 100_000_000L, Long.MAX_VALUE})
    void idOutOfRange(long id) {
        assertThatThrownBy(() -> OrgPath.child(TOP, id)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(id));
    }

    @Test
    @DisplayName("R9.3 upperBound sorts after the node and every descendant, before the next sibling")
    void upperBound() {
        String ub = OrgPath.upperBound(BRANCH);
        String firstChild = OrgPath.child(BRANCH, 1);
        String lastChild = OrgPath.child(BRANCH, 99_999_999L);
        String deepest = OrgPath.child(OrgPath.child(lastChild, 99_999_999L), 99_999_999L);
        String nextSibling = OrgPath.child(TOP, 3);
        String laterSibling = OrgPath.child(TOP, 10);
        String nextTop = OrgPath.child(OrgPath.ROOT, 2);

        assertThat(BRANCH.compareTo(ub)).isNegative();
        assertThat(firstChild.compareTo(ub)).isNegative();
        assertThat(lastChild.compareTo(ub)).isNegative();
        assertThat(deepest.compareTo(ub)).isNegative();
        assertThat(ub.compareTo(nextSibling)).isNegative();
        assertThat(ub.compareTo(laterSibling)).isNegative();
        assertThat(ub.compareTo(nextTop)).isNegative();
        // the previous sibling's subtree stays below the range start
        assertThat(OrgPath.child(OrgPath.child(TOP, 1), 99_999_999L).compareTo(BRANCH)).isNegative();
    }

    @Test
    @DisplayName("R9.3 upperBound of ROOT sorts after every path")
    void upperBoundOfRoot() {
        String ub = OrgPath.upperBound(OrgPath.ROOT);
        assertThat("99999999".compareTo(ub)).isNegative();
        assertThat("9999999999999999".compareTo(ub)).isNegative();
    }

    @Test
    @DisplayName("R9.3 covers: ancestor-or-self by prefix")
    void covers() {
        assertThat(OrgPath.covers(TOP, BRANCH)).isTrue();
        assertThat(OrgPath.covers(BRANCH, BRANCH)).isTrue();
        assertThat(OrgPath.covers(OrgPath.ROOT, BRANCH)).isTrue();
        assertThat(OrgPath.covers(BRANCH, TOP)).isFalse();
        assertThat(OrgPath.covers(BRANCH, OrgPath.child(TOP, 3))).isFalse();
        assertThat(OrgPath.covers(TOP, OrgPath.child(OrgPath.ROOT, 10))).isFalse();
        assertThat(OrgPath.covers(TOP, null)).isFalse();
    }

    @Test
    @DisplayName("R9.3 depth counts segments")
    void depth() {
        assertThat(OrgPath.depth(OrgPath.ROOT)).isZero();
        assertThat(OrgPath.depth(TOP)).isEqualTo(1);
        assertThat(OrgPath.depth(BRANCH)).isEqualTo(2);
        assertThat(OrgPath.depth(OrgPath.child(BRANCH, 7))).isEqualTo(3);
    }

    @Test
    @DisplayName("R9.3 idAt returns the ancestor id at a depth")
    void idAt() {
        String path = OrgPath.child(BRANCH, 12345);
        assertThat(OrgPath.idAt(path, 1)).isEqualTo(1L);
        assertThat(OrgPath.idAt(path, 2)).isEqualTo(2L);
        assertThat(OrgPath.idAt(path, 3)).isEqualTo(12345L);
        assertThat(OrgPath.idAt(OrgPath.child(OrgPath.ROOT, 99_999_999L), 1)).isEqualTo(99_999_999L);
    }
}
