package io.zhibu.member.internal;

import static io.zhibu.db.Tables.MEMBER_MEMBER;

import io.zhibu.member.MemberCategory;
import io.zhibu.org.OrgTermFacts;
import io.zhibu.shared.OrgPath;
import io.zhibu.warning.RuleSettings;
import io.zhibu.warning.SecretaryTenureRule;
import io.zhibu.warning.WarningCandidate;
import io.zhibu.warning.WarningRule;
import io.zhibu.warning.WarningSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * R1.4 facts: the secretary recorded on each branch's current term (org module API), looked up by name on that
 * branch's roster; a secretary found exactly once whose 党龄 is under 1 year is reported. Names not on the roster
 * (or ambiguous) are not guessed at — terms still record names as text (choosing from the roster is issue 18, R1.9).
 */
@Component
class SecretaryTenureWarnings implements WarningSource {
    private static final int BATCH = 1000;
    private final DSLContext db;
    private final OrgTermFacts terms;

    SecretaryTenureWarnings(DSLContext db, OrgTermFacts terms) {
        this.db = db;
        this.terms = terms;
    }

    @Override
    public WarningRule rule() {
        return WarningRule.SECRETARY_TENURE;
    }

    @Override
    public void candidates(LocalDate today, RuleSettings settings, Consumer<WarningCandidate> sink) {
        List<OrgTermFacts.TermFact> withSecretary = terms.branchesUnder(OrgPath.ROOT, today.getYear(), today).values()
                .stream().filter(t -> t.secretary() != null).toList();
        for (int i = 0; i < withSecretary.size(); i += BATCH) {
            List<OrgTermFacts.TermFact> chunk = withSecretary.subList(i, Math.min(withSecretary.size(), i + BATCH));
            Map<Long, String> wanted = new HashMap<>();
            chunk.forEach(t -> wanted.put(t.orgId(), t.secretary()));
            var m = MEMBER_MEMBER;
            Map<Long, List<Object[]>> found = new HashMap<>();
            for (var r : db.select(m.ID, m.ORG_ID, m.ORG_PATH, m.NAME, m.CATEGORY, m.FULL_MEMBER_ON).from(m)
                    .where(m.ORG_ID.in(wanted.keySet())).and(m.NAME.in(wanted.values())).and(m.EXIT_TYPE.isNull()).fetch()) {
                if (r.value4().equals(wanted.get(r.value2()))) {
                    found.computeIfAbsent(r.value2(), k -> new ArrayList<>()).add(new Object[] {r.value1(), r.value3(),
                            r.value4(), r.value5() == MemberCategory.FULL ? r.value6() : null});
                }
            }
            for (var e : found.entrySet()) {
                if (e.getValue().size() != 1) {
                    continue; // two members of the same name: not guessed
                }
                Object[] s = e.getValue().get(0);
                LocalDate fullOn = (LocalDate) s[3];
                String level = SecretaryTenureRule.level(fullOn, today, settings);
                if (level != null) {
                    sink.accept(new WarningCandidate(WarningRule.SECRETARY_TENURE, "org:" + e.getKey() + ":" + s[0],
                            e.getKey(), (String) s[1], (Long) s[0], (String) s[2], level,
                            SecretaryTenureRule.dueOn(fullOn, settings), null));
                }
            }
        }
    }
}
