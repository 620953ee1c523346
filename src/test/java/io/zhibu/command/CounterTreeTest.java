package io.zhibu.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.command.internal.TaskRepository.Counter;
import io.zhibu.shared.OrgPath;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The counters behind the task and notice boards: the top and every organization between it and an addressee carry
 * the addressees below them (weighted: a branch addressed through its members counts its members), each row knows
 * its parent, and an addressee's step moves exactly the rows of its path.
 */
class CounterTreeTest {
    private static final String CITY = OrgPath.child("", 1);
    private static final String COUNTY = OrgPath.child(CITY, 2);
    private static final String TOWN = OrgPath.child(COUNTY, 3);
    private static final String BRANCH_A = OrgPath.child(TOWN, 4);
    private static final String BRANCH_B = OrgPath.child(TOWN, 5);
    private static final String BRANCH_C = OrgPath.child(COUNTY, 6);

    @Test
    void totalsRollUpFromTheAddresseesToTheTop() {
        List<Counter> rows = CounterTree.build(1, CITY, "市委", List.of(
                new CounterTree.Leaf(4, BRANCH_A, "甲支部", 30), new CounterTree.Leaf(5, BRANCH_B, "乙支部", 12),
                new CounterTree.Leaf(6, BRANCH_C, "丙支部", 7)), ids -> ids.stream().collect(Collectors.toMap(id -> id, id -> "组织" + id)));
        Map<Long, Counter> byId = rows.stream().collect(Collectors.toMap(Counter::orgId, c -> c));
        assertThat(rows.getFirst().orgId()).isEqualTo(1);
        assertThat(byId.get(1L).total()).isEqualTo(49);
        assertThat(byId.get(1L).parentOrgId()).isNull();
        assertThat(byId.get(2L).total()).isEqualTo(49);
        assertThat(byId.get(3L).total()).isEqualTo(42);
        assertThat(byId.get(3L).parentOrgId()).isEqualTo(2L);
        assertThat(byId.get(3L).name()).isEqualTo("组织3");
        assertThat(byId.get(4L).total()).isEqualTo(30);
        assertThat(byId.get(4L).path()).isEqualTo(BRANCH_A);
        assertThat(byId.get(6L).parentOrgId()).isEqualTo(2L);
        assertThat(rows).hasSize(6);
    }

    @Test
    void aStepMovesTheRowsOfItsPathOnly() {
        assertThat(CounterTree.pathIds(CITY, BRANCH_A)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(CounterTree.pathIds(TOWN, BRANCH_B)).containsExactly(3L, 5L);
        assertThat(CounterTree.pathIds(COUNTY, BRANCH_C)).containsExactly(2L, 6L);
    }

    @Test
    void aTopWithNoAddresseesStillHasItsRow() {
        List<Counter> rows = CounterTree.build(3, TOWN, "镇党委", List.of(), ids -> Map.of());
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().total()).isZero();
    }
}
