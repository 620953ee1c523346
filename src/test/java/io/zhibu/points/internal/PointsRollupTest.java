package io.zhibu.points.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.member.MemberCategory;
import io.zhibu.member.MemberEvents;
import io.zhibu.member.MemberStanding;
import io.zhibu.org.OrgEvents;
import io.zhibu.points.PointFact;
import io.zhibu.points.PointItem;
import io.zhibu.points.PointsService;
import io.zhibu.points.PointsViews.Outcome;
import io.zhibu.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rollups kept on every posting equal the ones recomputed from the ledger — after postings, duplicates, caps,
 * reversals, a member moving branch and a branch moving township. Synthetic members on a synthetic tree (org ids
 * 9990xxxx) touch only the points tables.
 */
class PointsRollupTest extends IntegrationTest {
    private static final String CITY = "99900001";
    private static final String TOWN_A = CITY + "99900002";
    private static final String TOWN_B = CITY + "99900003";
    private static final String BRANCH_1 = TOWN_A + "99900004";
    private static final String BRANCH_2 = TOWN_A + "99900005";

    @Autowired
    PointsProjection projection;
    @Autowired
    PointsService points;
    @Autowired
    PointsRepository repo;
    @Autowired
    TransactionTemplate tx;

    private static MemberEvents.MemberFacts facts(long id, String path) {
        return new MemberEvents.MemberFacts(id, Long.parseLong(path.substring(path.length() - 8)), path, 99900001L,
                MemberCategory.FULL, LocalDate.of(2010, 1, 1), null, MemberStanding.NORMAL);
    }

    @Test
    void incrementalRollupsEqualTheRebuild() {
        int year = points.currentYear();
        LocalDate day = LocalDate.of(year, 1, 15);
        long m0 = 8_100_000_000L;
        List<MemberEvents.MemberFacts> members = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            members.add(facts(m0 + i, i < 4 ? BRANCH_1 : BRANCH_2));
        }
        tx.executeWithoutResult(s -> projection.on(new MemberEvents.Registered(members)));
        assertThat(repo.org(99900004L, year).orElseThrow().getOwnMembers()).isEqualTo(4);
        assertThat(repo.org(99900001L, year).orElseThrow().getSubMembers()).isEqualTo(6);

        // postings: meetings, 7 study materials on one day (cap 5), a duplicate, a deduction, learning metrics
        for (int i = 0; i < 6; i++) {
            long m = m0 + i;
            for (int k = 0; k <= i; k++) {
                assertThat(points.postFact(PointFact.of(PointItem.MEETING_ATTENDED, "t:meeting:" + k + ":" + m, m, day.plusDays(k),
                        "meeting", k)).outcome()).isEqualTo(Outcome.POSTED);
            }
        }
        for (int k = 0; k < 7; k++) {
            points.postFact(PointFact.of(PointItem.MATERIAL_COMPLETED, "t:material:" + k + ":" + m0, m0, day, "material", k)
                    .withStudyMinutes(30));
        }
        var dup = points.postFact(PointFact.of(PointItem.MEETING_ATTENDED, "t:meeting:0:" + m0, m0, day, "meeting", 0));
        assertThat(dup.outcome()).as("the same fact twice").isEqualTo(Outcome.DUPLICATE);
        points.postFact(PointFact.of(PointItem.DUES_LATE, "t:dues:" + (m0 + 5), m0 + 5, day, "dues-payment", 1));
        points.postFact(PointFact.of(PointItem.QUIZ_LEVEL_PASSED, "t:quiz:1:" + (m0 + 4), m0 + 4, day, "quiz", 1)
                .withQuizScore(new BigDecimal("87.50")));

        var y0 = repo.year(m0, year).orElseThrow();
        // meeting 2 + materials 5 of 7 (daily item cap), but the automatic daily cap of 10 still has room
        assertThat(y0.getPoints()).isEqualTo(2 + 5);
        assertThat(y0.getStudyMinutes()).as("study time counts even when the points are capped").isEqualTo(210);
        assertThat(repo.org(99900004L, year).orElseThrow().getOwnPoints()).isEqualTo(7 + 4 + 6 + 8);
        assertThat(repo.org(99900005L, year).orElseThrow().getOwnPoints()).isEqualTo(10 + 2 + 12 - 2);
        assertThat(repo.org(99900001L, year).orElseThrow().getSubPoints()).isEqualTo(25 + 22);

        // a reversal, a re-post of the reversed fact, a member moving branch, a branch moving township
        assertThat(points.reverseFact("t:meeting:1:" + (m0 + 1), "test")).isTrue();
        assertThat(points.reverseFact("t:meeting:1:" + (m0 + 1), "test")).as("only once").isFalse();
        assertThat(points.postFact(PointFact.of(PointItem.MEETING_ATTENDED, "t:meeting:1:" + (m0 + 1), m0 + 1, day, "meeting", 1))
                .outcome()).as("a reversed fact may be posted again").isEqualTo(Outcome.POSTED);
        tx.executeWithoutResult(s -> projection.on(new MemberEvents.Moved(List.of(m0 + 3), 99900005L, BRANCH_2, 99900001L)));
        assertThat(repo.org(99900005L, year).orElseThrow().getOwnMembers()).isEqualTo(3);
        String movedBranch = TOWN_B + "99900005";
        tx.executeWithoutResult(s -> projection.on(new OrgEvents.OrgMoved(99900005L, BRANCH_2, movedBranch, 99900001L)));
        assertThat(repo.org(99900003L, year).orElseThrow().getSubMembers()).isEqualTo(3);
        assertThat(repo.org(99900002L, year).orElseThrow().getSubMembers()).isEqualTo(3);

        points.postFact(PointFact.of(PointItem.MEETING_ATTENDED, "t:after-move:" + (m0 + 3), m0 + 3, day, "meeting", 9));

        List<String> incremental = repo.snapshot(year);
        var result = points.rebuildYear(year);
        assertThat(result.agreed()).as("incremental rollups == rebuild from the ledger").isTrue();
        assertThat(repo.snapshot(year)).isEqualTo(incremental);
        assertThat(repo.org(99900001L, year).orElseThrow().getSubPoints()).isEqualTo(25 + 22 + 2);

        // subtree ranking from the rollups: the town B branch, best first
        // (both plans: the path range sorted, as for a small subtree, and the metric index walked, as for a large one)
        var sorted = repo.memberRanking(year, TOWN_B, PointsRepository.Metric.POINTS, 0, 10, 3, 3);
        assertThat(sorted).extracting(r -> r.getMemberId()).containsExactly(m0 + 4, m0 + 3, m0 + 5);
        var walked = repo.memberRanking(year, TOWN_B, PointsRepository.Metric.POINTS, 0, 10, 1_000_000, 100_000_000);
        assertThat(walked).extracting(r -> r.getMemberId()).containsExactly(m0 + 4, m0 + 3, m0 + 5);
        assertThat(repo.memberRanking(year, TOWN_B, PointsRepository.Metric.POINTS, 1, 1, 1_000_000, 100_000_000))
                .extracting(r -> r.getMemberId()).containsExactly(m0 + 3);
        // the bounded walk (issue 20): a budget that holds the page answers from the walk, one that does not (the
        // subtree's rows lie deeper in the order) falls back to the sorted path range — the same page either way
        for (long budget : List.of(1L, 2L, 1_000L)) {
            assertThat(repo.memberRanking(year, TOWN_B, PointsRepository.Metric.POINTS, 0, 2, budget)).as("budget " + budget)
                    .extracting(r -> r.getMemberId()).containsExactly(m0 + 4, m0 + 3);
            assertThat(repo.memberRanking(year, TOWN_B, PointsRepository.Metric.POINTS, 2, 2, budget)).as("budget " + budget)
                    .extracting(r -> r.getMemberId()).containsExactly(m0 + 5);
        }
    }

    @org.junit.jupiter.api.Test
    void thePlanFollowsTheSubtreeSize() {
        // city of 220,000, a page of 20: sort up to about 4,200 members (2 × √(20 × 220,000)), walk the index above
        assertThat(PointsRepository.sortsSubtree(40, 220_000, 20)).isTrue();
        assertThat(PointsRepository.sortsSubtree(4_000, 220_000, 20)).isTrue();
        assertThat(PointsRepository.sortsSubtree(5_000, 220_000, 20)).isFalse();
        assertThat(PointsRepository.sortsSubtree(22_000, 220_000, 20)).isFalse();
        // a small platform always sorts (at least 2,000 rows); unknown sizes sort
        assertThat(PointsRepository.sortsSubtree(1_999, 2_000, 20)).isTrue();
        assertThat(PointsRepository.sortsSubtree(0, 0, 20)).isTrue();
    }
}
