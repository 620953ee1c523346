package io.zhibu.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhibu.db.tables.records.AccountUserRecord;
import io.zhibu.shared.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** What a signed-in account must do first (issue 15): enrol (prod), change an expired password, or only read. */
class RestrictionRulesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T08:00:00Z"), ZoneOffset.UTC);
    private static final OffsetDateTime NOW = OffsetDateTime.now(CLOCK);

    private static AccountService service(boolean mfaEnforced) {
        AccountsProperties p = new AccountsProperties(null, null, null, null, mfaEnforced, null, null, null);
        return new AccountService(null, null, null, null, null, null, null, p, CLOCK, Duration.ofMinutes(15),
                Duration.ofHours(8), Duration.ofMinutes(30), null);
    }

    private static AccountUserRecord account(Role role, int passwordAgeDays, boolean readOnly, boolean enrolled) {
        AccountUserRecord r = new AccountUserRecord();
        r.setRole(role);
        r.setPasswordHash("{bcrypt}x");
        r.setPasswordChangedAt(NOW.minusDays(passwordAgeDays));
        r.setReadOnly(readOnly);
        r.setMfaEnrolledAt(enrolled ? NOW : null);
        return r;
    }

    @Test
    void staffPasswordsExpireAfter90DaysMembersDoNot() {
        AccountService s = service(false);
        assertThat(s.restrictionOf(account(Role.ORG_STAFF, 90, false, false))).isEqualTo(Restriction.NONE);
        assertThat(s.restrictionOf(account(Role.ORG_STAFF, 91, false, false))).isEqualTo(Restriction.PASSWORD_CHANGE);
        assertThat(s.restrictionOf(account(Role.MEMBER, 5000, false, false))).isEqualTo(Restriction.NONE);
    }

    @Test
    void suspendedMembersOnlyRead() {
        assertThat(service(false).restrictionOf(account(Role.MEMBER, 1, true, false))).isEqualTo(Restriction.READ_ONLY);
    }

    @Test
    void productionForcesEnrolmentOfTheSecondFactorForItsRolesOnly() {
        AccountService prod = service(true);
        assertThat(prod.restrictionOf(account(Role.SECURITY_ADMIN, 1, false, false))).isEqualTo(Restriction.MFA_ENROLL);
        assertThat(prod.restrictionOf(account(Role.ADMIN, 1, false, false))).isEqualTo(Restriction.MFA_ENROLL);
        assertThat(prod.restrictionOf(account(Role.ADMIN, 1, false, true))).isEqualTo(Restriction.NONE);
        assertThat(prod.restrictionOf(account(Role.BRANCH_SECRETARY, 1, false, false))).isEqualTo(Restriction.NONE);
        assertThat(prod.restrictionOf(account(Role.MEMBER, 1, false, false))).isEqualTo(Restriction.NONE);
        assertThat(service(false).restrictionOf(account(Role.ADMIN, 1, false, false)))
                .as("demo: the demo accounts stay unenrolled").isEqualTo(Restriction.NONE);
    }
}
