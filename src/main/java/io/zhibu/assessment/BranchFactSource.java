package io.zhibu.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Port: the platform facts of every branch under a subtree for one year (meetings, dues, terms, development,
 * discipline), answered by the owning module in ONE set-based call — never one query per branch. Implementations live
 * in the owning modules' {@code internal} packages; the assessment module derives item scores and vetoes from them.
 */
public interface BranchFactSource {

    /** The facts this source answers (their keys are what standard systems refer to). */
    List<FactDef> facts();

    /**
     * Facts of all branches whose path lies under {@code subtreePath} for {@code year}, counted up to {@code asOf}
     * (the year's end, or today while the year runs). Branches without rows get the fact's default.
     */
    List<BranchFact> collect(int year, LocalDate asOf, String subtreePath);

    /**
     * One fact: key (e.g. {@code meeting.three_one_rate}), its default for branches without records, unit, and the
     * page that shows the underlying records ({@code {orgId}} and {@code {year}} are filled in).
     */
    record FactDef(String key, BigDecimal defaultValue, String unit, String link) {
        public String linkFor(long orgId, int year) {
            return link == null ? null : link.replace("{orgId}", Long.toString(orgId)).replace("{year}", Integer.toString(year));
        }
    }

    /** The value of one fact for one branch, with a short account of the records it came from. */
    record BranchFact(long orgId, String key, BigDecimal value, String detail) {
    }
}
