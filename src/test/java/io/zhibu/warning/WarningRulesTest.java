package io.zhibu.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The date arithmetic of every warning rule at its boundaries, with the numbers of rules.md. */
class WarningRulesTest {
    private static RuleSettings d(WarningRule r) {
        return RuleSettings.defaults(r);
    }

    private static LocalDate day(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void termExpiryR18() {
        RuleSettings s = d(WarningRule.TERM_EXPIRY);
        LocalDate end = day("2026-09-30");
        assertThat(TermExpiryRule.level(end, day("2026-03-29"), s)).isNull();
        assertThat(TermExpiryRule.level(end, day("2026-03-30"), s)).isEqualTo("T6");
        assertThat(TermExpiryRule.level(end, day("2026-06-29"), s)).isEqualTo("T6");
        assertThat(TermExpiryRule.level(end, day("2026-06-30"), s)).isEqualTo("T3");
        assertThat(TermExpiryRule.level(end, day("2026-08-29"), s)).isEqualTo("T3");
        assertThat(TermExpiryRule.level(end, day("2026-08-30"), s)).isEqualTo("T1");
        assertThat(TermExpiryRule.level(end, end, s)).isEqualTo("T1");
        assertThat(TermExpiryRule.level(end, day("2026-10-01"), s)).isEqualTo("OVERDUE");
        // R2.4 calendar months: T-1 of 31 March is 28 February (29 in a leap year)
        assertThat(TermExpiryRule.level(day("2027-03-31"), day("2027-02-27"), s)).isEqualTo("T3");
        assertThat(TermExpiryRule.level(day("2027-03-31"), day("2027-02-28"), s)).isEqualTo("T1");
        assertThat(TermExpiryRule.level(day("2028-03-31"), day("2028-02-29"), s)).isEqualTo("T1");
        assertThat(TermExpiryRule.level(null, end, s)).isNull();
    }

    @Test
    void noStarRiskR81AtTheTierBoundary() {
        RuleSettings s = d(WarningRule.NO_STAR_RISK);
        java.math.BigDecimal sixty = new java.math.BigDecimal("60");
        assertThat(NoStarRiskRule.level(new java.math.BigDecimal("60.00"), sixty, false, s)).isNull();
        assertThat(NoStarRiskRule.level(new java.math.BigDecimal("59.99"), sixty, false, s)).isEqualTo("BELOW");
        assertThat(NoStarRiskRule.level(new java.math.BigDecimal("99"), sixty, true, s)).isEqualTo("VETO");
        assertThat(NoStarRiskRule.level(new java.math.BigDecimal("10"), sixty, true, s)).isEqualTo("VETO");
        assertThat(NoStarRiskRule.level(new java.math.BigDecimal("10"), null, false, s)).isNull();
        assertThat(s.severity("VETO")).isEqualTo(Severity.URGENT);
        assertThat(s.severity("BELOW")).isEqualTo(Severity.WARNING);
        // a margin of 5 points warns from 60 up to 64.99 (NEAR), not at 65
        var props = new WarningProperties(Map.of("no-star-risk", new WarningProperties.RuleConfig(null,
                Map.of("margin", 5), Map.of("below", Severity.CRITICAL))), null, null, null, null);
        RuleSettings m = props.settings(WarningRule.NO_STAR_RISK);
        assertThat(m.severity("BELOW")).isEqualTo(Severity.CRITICAL);
        assertThat(NoStarRiskRule.level(new java.math.BigDecimal("59.99"), sixty, false, m)).isEqualTo("BELOW");
        assertThat(NoStarRiskRule.level(new java.math.BigDecimal("60"), sixty, false, m)).isEqualTo("NEAR");
        assertThat(NoStarRiskRule.level(new java.math.BigDecimal("64.99"), sixty, false, m)).isEqualTo("NEAR");
        assertThat(NoStarRiskRule.level(new java.math.BigDecimal("65"), sixty, false, m)).isNull();
        assertThat(NoStarRiskRule.candidateBelow(sixty, m)).isEqualByComparingTo("65");
    }

    @Test
    void branchSizeR12() {
        RuleSettings s = d(WarningRule.BRANCH_SIZE);
        assertThat(BranchSizeRule.underMinimum(false, 2, s)).isTrue();
        assertThat(BranchSizeRule.underMinimum(false, 3, s)).isFalse();
        assertThat(BranchSizeRule.underMinimum(true, 1, s)).isFalse(); // 联合党支部
        assertThat(BranchSizeRule.oversized(50, s)).isFalse();
        assertThat(BranchSizeRule.oversized(51, s)).isTrue();
    }

    @Test
    void developmentDeadlinesR212() {
        RuleSettings s = d(WarningRule.DEV_DEADLINE);
        LocalDate due = day("2026-02-28"); // talk due: application 31 Jan + 1 month (R2.4)
        assertThat(DevDeadlineRule.level(due, null, day("2026-02-20"), s)).isNull();
        assertThat(DevDeadlineRule.level(due, null, day("2026-02-21"), s)).isEqualTo("DUE_SOON");
        assertThat(DevDeadlineRule.level(due, null, due, s)).isEqualTo("DUE_SOON");
        assertThat(DevDeadlineRule.level(due, null, day("2026-03-01"), s)).isEqualTo("OVERDUE");
        // step 17: 3 months after the branch resolution, special cases at most 6
        LocalDate meeting = day("2026-01-15");
        LocalDate approvalDue = meeting.plusMonths(3);
        LocalDate latest = meeting.plusMonths(6);
        assertThat(DevDeadlineRule.level(approvalDue, latest, day("2026-04-16"), s)).isEqualTo("OVERDUE");
        assertThat(DevDeadlineRule.level(approvalDue, latest, latest, s)).isEqualTo("OVERDUE");
        assertThat(DevDeadlineRule.level(approvalDue, latest, day("2026-07-16"), s)).isEqualTo("PAST_LATEST");
    }

    @Test
    void lostContactClockR34() {
        RuleSettings s = d(WarningRule.LOST_CONTACT);
        LocalDate lost = day("2025-11-30");
        assertThat(LostContactRule.level(lost, null, day("2026-02-27"), s)).isNull();
        assertThat(LostContactRule.level(lost, null, day("2026-02-28"), s)).isEqualTo("ALERT"); // +3 months, month end
        assertThat(LostContactRule.level(lost, null, day("2026-05-29"), s)).isEqualTo("ALERT");
        assertThat(LostContactRule.level(lost, null, day("2026-05-30"), s)).isEqualTo("SUSPEND_DUE"); // +6 months [N]
        assertThat(LostContactRule.dueOn(lost, null, s)).isEqualTo(day("2026-05-30"));
        LocalDate suspended = day("2026-06-10");
        assertThat(LostContactRule.level(lost, suspended, day("2028-06-09"), s)).isNull();
        assertThat(LostContactRule.level(lost, suspended, day("2028-06-10"), s)).isEqualTo("EXPEL_DUE"); // +2 years [N]
        // the set-based prefilter never drops a member the rule flags
        assertThat(lost).isBeforeOrEqualTo(LostContactRule.lostBy(day("2026-02-28"), s));
    }

    @Test
    void disciplineR33() {
        RuleSettings s = d(WarningRule.DISCIPLINE);
        LocalDate until = day("2026-06-30");
        assertThat(DisciplineRule.level(until, day("2026-05-30"), s)).isNull();
        assertThat(DisciplineRule.level(until, day("2026-05-31"), s)).isEqualTo("ENDING");
        assertThat(DisciplineRule.level(until, until, s)).isEqualTo("ENDING");
        assertThat(DisciplineRule.level(until, day("2026-07-01"), s)).isEqualTo("ENDED");
    }

    @Test
    void transferLetterR45() {
        RuleSettings s = d(WarningRule.TRANSFER_EXPIRY);
        LocalDate valid = day("2026-04-10");
        assertThat(TransferExpiryRule.level(valid, day("2026-04-02"), s)).isNull();
        assertThat(TransferExpiryRule.level(valid, day("2026-04-03"), s)).isEqualTo("EXPIRING");
        assertThat(TransferExpiryRule.level(valid, valid, s)).isEqualTo("EXPIRING");
        assertThat(TransferExpiryRule.level(valid, day("2026-04-11"), s)).isEqualTo("EXPIRED");
    }

    @Test
    void duesArrearsR56() {
        RuleSettings s = d(WarningRule.DUES_ARREARS);
        assertThat(DuesArrearsRule.level(2, s)).isNull();
        assertThat(DuesArrearsRule.level(3, s)).isEqualTo("REMINDER");
        assertThat(DuesArrearsRule.level(5, s)).isEqualTo("REMINDER");
        assertThat(DuesArrearsRule.level(6, s)).isEqualTo("REVIEW");
    }

    @Test
    void meetingsR61() {
        RuleSettings s = d(WarningRule.MEETING_COMPLIANCE);
        LocalDate end = day("2026-03-31");
        assertThat(MeetingComplianceRule.level(end, false, day("2026-03-23"), s)).isNull();
        assertThat(MeetingComplianceRule.level(end, false, day("2026-03-24"), s)).isEqualTo("AT_RISK"); // end − 7 days
        assertThat(MeetingComplianceRule.level(end, false, end, s)).isEqualTo("AT_RISK");
        assertThat(MeetingComplianceRule.level(end, false, day("2026-04-01"), s)).isEqualTo("MISSING");
        assertThat(MeetingComplianceRule.level(end, true, day("2026-04-01"), s)).isNull();
    }

    @Test
    void configurationOverridesAndRefusesUnknownKeys() {
        var props = new WarningProperties(Map.of("term-expiry", new WarningProperties.RuleConfig(false,
                Map.of("notice", 12), Map.of("t6", Severity.WARNING))), null, null, null, null);
        RuleSettings s = props.settings(WarningRule.TERM_EXPIRY);
        assertThat(s.enabled()).isFalse();
        assertThat(s.threshold("notice")).isEqualTo(12);
        assertThat(s.severity("T6")).isEqualTo(Severity.WARNING);
        assertThat(s.severity("OVERDUE")).isEqualTo(Severity.CRITICAL);
        assertThat(TermExpiryRule.level(day("2027-03-31"), day("2026-04-01"), s)).isEqualTo("T6");
        var bad = new WarningProperties(Map.of("dues-arrears", new WarningProperties.RuleConfig(null,
                Map.of("months", 3), null)), null, null, null, null);
        assertThatThrownBy(() -> bad.settings(WarningRule.DUES_ARREARS)).isInstanceOf(IllegalStateException.class);
        for (WarningRule r : WarningRule.values()) {
            assertThat(r.ruleRef()).matches("R\\d\\.\\d+|C\\d+"); // rules.md ids, or the command loop's (docs/modules/command.md)
            assertThat(WarningRule.byId(r.id())).contains(r);
        }
    }

    @Test
    void prefiltersForTheSetBasedSweepAreExact() {
        LocalDate today = day("2026-05-31");
        // R1.8: terms ending within the 6-month notice period (+3 days of slack for month ends)
        assertThat(TermExpiryRule.endsBy(today, d(WarningRule.TERM_EXPIRY))).isEqualTo(day("2026-12-03"));
        // R3.4: lost 3 months ago (alert); suspended 2 years ago (expulsion due)
        assertThat(LostContactRule.lostBy(today, d(WarningRule.LOST_CONTACT))).isEqualTo(day("2026-03-03"));
        assertThat(LostContactRule.suspendedBy(today, d(WarningRule.LOST_CONTACT))).isEqualTo(day("2024-06-03"));
        // R4.5: letters ending within the lead days
        assertThat(TransferExpiryRule.validUntilBy(today, d(WarningRule.TRANSFER_EXPIRY))).isEqualTo(day("2026-06-07"));
    }

    @Test
    void missingDatesRaiseNothing() {
        LocalDate today = day("2026-05-31");
        assertThat(DevDeadlineRule.level(null, null, today, d(WarningRule.DEV_DEADLINE))).isNull();
        assertThat(TransferExpiryRule.level(null, today, d(WarningRule.TRANSFER_EXPIRY))).isNull();
        assertThat(DisciplineRule.level(null, today, d(WarningRule.DISCIPLINE))).isNull();
        assertThat(LostContactRule.level(null, null, today, d(WarningRule.LOST_CONTACT))).isNull();
    }

    @Test
    void whoMustActFollowsTheRule() {
        // R1.8: the branch and the body above it; R5.6: the branch and the member in arrears; R2.12: the branch
        assertThat(WarningRule.TERM_EXPIRY.forBranch()).isTrue();
        assertThat(WarningRule.TERM_EXPIRY.forUpper()).isTrue();
        assertThat(WarningRule.TERM_EXPIRY.forMember()).isFalse();
        assertThat(WarningRule.DUES_ARREARS.forMember()).isTrue();
        assertThat(WarningRule.DUES_ARREARS.forUpper()).isFalse();
        assertThat(WarningRule.DEV_DEADLINE.forBranch()).isTrue();
        assertThat(WarningRule.DEV_DEADLINE.forUpper()).isFalse();
    }
}
