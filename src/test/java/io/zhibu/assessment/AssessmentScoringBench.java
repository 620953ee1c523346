package io.zhibu.assessment;

import io.zhibu.assessment.BranchFactSource.BranchFact;
import io.zhibu.assessment.BranchFactSource.FactDef;
import io.zhibu.assessment.internal.AssessmentRepository;
import io.zhibu.assessment.internal.CampaignEngine;
import io.zhibu.assessment.internal.CampaignEngine.BranchRef;
import io.zhibu.assessment.internal.PresetLibrary;
import io.zhibu.db.tables.records.AssessmentCampaignRecord;
import io.zhibu.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark (not a test; prints figures): scores a city campaign of {@code zhibu.bench.assessment.branches} (default
 * 8,300) synthetic branches under a bench path with the Jiaozuo preset — every real fact source asked once for the
 * subtree (set-based, empty there) plus a synthetic source answering all 13 facts for every branch — first scoring
 * (batch insert) and a rescore (batch update). Run:
 * {@code ./mvnw -B -o test -Dtest=AssessmentScoringBench -Dzhibu.bench.assessment=true [-Dzhibu.test.db=postgres]}.
 */
@EnabledIfSystemProperty(named = "zhibu.bench.assessment", matches = "true")
class AssessmentScoringBench extends IntegrationTest {
    private static final String PATH = "99999997";
    @Autowired
    CampaignEngine engine;
    @Autowired
    AssessmentRepository repo;
    @Autowired
    List<BranchFactSource> sources;
    @Autowired
    TransactionTemplate tx;

    @Test
    void scoreCity() {
        int n = Integer.getInteger("zhibu.bench.assessment.branches", 8300);
        List<BranchRef> branches = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            branches.add(new BranchRef(3_000_000_000L + i, "基准支部" + i, PATH + String.format("%08d%08d", i / 100 + 1, i + 1), null));
        }
        Random rnd = new Random(1);
        BranchFactSource synthetic = new BranchFactSource() {
            @Override
            public List<FactDef> facts() {
                return List.of();
            }

            @Override
            public List<BranchFact> collect(int year, LocalDate asOf, String subtreePath) {
                List<BranchFact> out = new ArrayList<>();
                for (BranchRef b : branches) {
                    for (String k : StandardValidatorTest.FACTS) {
                        int v = k.endsWith("rate") ? 40 + rnd.nextInt(61) : k.endsWith("months") ? rnd.nextInt(13)
                                : rnd.nextInt(10) < 8 ? (k.startsWith("org.term") || k.equals("member.disciplined") ? 0 : 1) : rnd.nextInt(3);
                        out.add(new BranchFact(b.orgId(), k, BigDecimal.valueOf(v), k + " synthetic"));
                    }
                }
                return out;
            }
        };
        List<BranchFactSource> all = new ArrayList<>(sources);
        all.add(synthetic);
        StandardSystem system = new PresetLibrary().get(System.getProperty("zhibu.bench.assessment.preset", "jiaozuo-7")).orElseThrow();
        AssessmentCampaignRecord c = tx.execute(s -> {
            AssessmentCampaignRecord r = new AssessmentCampaignRecord();
            r.setOrgId(0L);
            r.setOrgPath(PATH);
            r.setOrgName("bench");
            r.setName("bench");
            r.setAssessYear(LocalDate.now().getYear() - 1);
            r.setSystemId(0L);
            r.setStatus("OPEN");
            r.setCreatedBy("bench");
            r.setCreatedAt(OffsetDateTime.now());
            r.setVersion(0);
            return repo.insertCampaign(r);
        });
        for (String round : new String[]{"first scoring (insert)", "rescore (update)"}) {
            long t0 = System.nanoTime();
            CampaignEngine.Outcome o = tx.execute(s -> engine.score(c, system, branches, all, false));
            System.out.printf("BENCH assessment %s: %d branches in %d ms (facts %d ms, compute %d ms, write %d ms)%n", round,
                    o.branches(), (System.nanoTime() - t0) / 1_000_000, o.factsMs(), o.computeMs(), o.writeMs());
        }
    }
}
