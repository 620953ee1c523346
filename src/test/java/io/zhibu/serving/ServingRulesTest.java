package io.zhibu.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhibu.org.OrgDomain;
import io.zhibu.org.OrgType;
import io.zhibu.serving.ReportStateMachine.Action;
import io.zhibu.shared.ConflictException;
import org.junit.jupiter.api.Test;

class ServingRulesTest {
    @Test
    void pointsOnePerFullTwoHoursAtLeastOneAtMostFive() {
        // §8.4 volunteering: +1…+5
        assertThat(ServingRules.points(0)).isZero();
        assertThat(ServingRules.points(15)).isEqualTo(1);
        assertThat(ServingRules.points(119)).isEqualTo(1);
        assertThat(ServingRules.points(120)).isEqualTo(1);
        assertThat(ServingRules.points(240)).isEqualTo(2);
        assertThat(ServingRules.points(599)).isEqualTo(4);
        assertThat(ServingRules.points(600)).isEqualTo(5);
        assertThat(ServingRules.points(720)).isEqualTo(5);
    }

    @Test
    void minutesBetweenAQuarterAndTwelveHours() {
        assertThat(ServingRules.validMinutes(14)).isFalse();
        assertThat(ServingRules.validMinutes(15)).isTrue();
        assertThat(ServingRules.validMinutes(720)).isTrue();
        assertThat(ServingRules.validMinutes(721)).isFalse();
        assertThat(ServingRules.validMinutes(null)).isFalse();
    }

    @Test
    void inServiceBranchesReportToCommunityBranches() {
        assertThat(ServingRules.inService(OrgDomain.AGENCY, OrgType.BRANCH)).isTrue();
        assertThat(ServingRules.inService(OrgDomain.STATE_ENTERPRISE, OrgType.JOINT_BRANCH)).isTrue();
        assertThat(ServingRules.inService(OrgDomain.SCHOOL, OrgType.BRANCH)).isTrue();
        assertThat(ServingRules.inService(OrgDomain.HOSPITAL, OrgType.BRANCH)).isTrue();
        assertThat(ServingRules.inService(OrgDomain.RURAL, OrgType.BRANCH)).isFalse();
        assertThat(ServingRules.inService(OrgDomain.NON_PUBLIC, OrgType.BRANCH)).isFalse();
        assertThat(ServingRules.inService(OrgDomain.AGENCY, OrgType.COMMITTEE)).isFalse();
        assertThat(ServingRules.community(OrgDomain.COMMUNITY, OrgType.BRANCH)).isTrue();
        assertThat(ServingRules.community(OrgDomain.COMMUNITY, OrgType.COMMITTEE)).isFalse();
        assertThat(ServingRules.community(OrgDomain.RURAL, OrgType.BRANCH)).isFalse();
    }

    @Test
    void onlyAFiledReportIsDecided() {
        assertThat(ReportStateMachine.next(ReportStatus.FILED, Action.CONFIRM)).isEqualTo(ReportStatus.CONFIRMED);
        assertThat(ReportStateMachine.next(ReportStatus.FILED, Action.DECLINE)).isEqualTo(ReportStatus.DECLINED);
        assertThat(ReportStateMachine.next(ReportStatus.FILED, Action.WITHDRAW)).isEqualTo(ReportStatus.WITHDRAWN);
        for (ReportStatus s : new ReportStatus[] {ReportStatus.CONFIRMED, ReportStatus.DECLINED, ReportStatus.WITHDRAWN}) {
            for (Action a : Action.values()) {
                assertThatThrownBy(() -> ReportStateMachine.next(s, a)).isInstanceOf(ConflictException.class);
            }
        }
        assertThat(ReportStateMachine.active(ReportStatus.FILED)).isTrue();
        assertThat(ReportStateMachine.active(ReportStatus.CONFIRMED)).isTrue();
        assertThat(ReportStateMachine.active(ReportStatus.DECLINED)).isFalse();
    }

    @Test
    void checkInWindowAndCreditedMinutes() {
        java.time.OffsetDateTime start = java.time.OffsetDateTime.parse("2026-05-01T09:00:00+08:00");
        java.time.OffsetDateTime end = start.plusHours(3);
        assertThat(CheckinCodes.open(start, end, start.minusMinutes(31))).isFalse();
        assertThat(CheckinCodes.open(start, end, start.minusMinutes(30))).isTrue();
        assertThat(CheckinCodes.open(start, end, end.plusMinutes(60))).isTrue();
        assertThat(CheckinCodes.open(start, end, end.plusMinutes(61))).isFalse();
        // only the time within the activity counts
        assertThat(CheckinCodes.creditedMinutes(start, end, start.minusMinutes(20), start.plusMinutes(90))).isEqualTo(90);
        assertThat(CheckinCodes.creditedMinutes(start, end, start.plusMinutes(30), end.plusMinutes(45))).isEqualTo(150);
        assertThat(CheckinCodes.creditedMinutes(start, end, end.plusMinutes(5), end.plusMinutes(10))).isZero();
        assertThat(CheckinCodes.newCode()).matches("\\d{6}");
        assertThat(CheckinCodes.matches("123456", " 123456 ")).isTrue();
        assertThat(CheckinCodes.matches("123456", "123457")).isFalse();
        assertThat(CheckinCodes.matches("123456", null)).isFalse();
    }
}
