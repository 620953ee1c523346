package io.zhibu.meeting;

import java.time.LocalDate;
import java.util.List;

/** Compliance views (R6.1): derived from locked meeting records, never entered by hand. */
public final class ComplianceRecords {
    private ComplianceRecords() {
    }

    public record PeriodStatus(LocalDate start, LocalDate end, ComplianceRules.Status status, int held) {
    }

    public record TypeCompliance(MeetingType type, List<PeriodStatus> periods) {
    }

    /**
     * One branch in one quarter: every required kind per period (monthly kinds three times, yearly kinds for the
     * year), and the 三会一课 implementation rate in per mille (null when nothing is due yet).
     */
    public record BranchCompliance(long orgId, String orgName, LocalDate quarterStart, LocalDate quarterEnd,
                                   List<TypeCompliance> types, int held, int missing, Integer ratePerMille) {
    }

    /** A subtree's 三会一课 implementation rate this quarter, summed over its branches. */
    public record SubtreeCompliance(long orgId, String orgName, boolean branch, int branches, int held, int missing,
                                    Integer ratePerMille) {
    }

    public record ComplianceReport(long orgId, String orgName, LocalDate quarterStart, LocalDate quarterEnd,
                                   SubtreeCompliance total, BranchCompliance branch, List<SubtreeCompliance> children) {
    }
}
