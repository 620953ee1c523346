package io.zhibu.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.Role;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 15 §5 on top of R9.6: not the login name or mobile, not one of the last 5; expiry for staff only. */
class PasswordRulesTest {
    private static String code(Runnable r) {
        try {
            r.run();
            return null;
        } catch (InvalidInputException e) {
            return e.violations().getFirst().code();
        }
    }

    @Test
    void thePasswordMayNotContainTheLoginNameOrMobile() {
        assertThat(code(() -> PasswordPolicy.check("Xx-M00001234!", "newPassword", List.of("M00001234"), p -> false)))
                .isEqualTo("account.password.personal");
        assertThat(code(() -> PasswordPolicy.check("Secadmin#2026", "newPassword", List.of("secadmin"), p -> false)))
                .as("case-insensitive").isEqualTo("account.password.personal");
        assertThat(code(() -> PasswordPolicy.check("Ab#13912345678", "newPassword", List.of("13912345678"), p -> false)))
                .isEqualTo("account.password.personal");
        assertThatCode(() -> PasswordPolicy.check("Ab#2026xyz", "newPassword", List.of("M00001234"), p -> false))
                .doesNotThrowAnyException();
    }

    @Test
    void noneOfTheLastFivePasswords() {
        assertThat(PasswordPolicy.HISTORY).isEqualTo(5);
        List<String> last = List.of("Old#pass1", "Old#pass2", "Old#pass3", "Old#pass4", "Old#pass5");
        assertThatThrownBy(() -> PasswordPolicy.check("Old#pass3", "newPassword", List.of(), last::contains))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.violations().getFirst().code()).isEqualTo("account.password.reused");
                    assertThat(e.violations().getFirst().field()).isEqualTo("newPassword");
                });
        assertThatCode(() -> PasswordPolicy.check("New#pass6", "newPassword", List.of(), last::contains))
                .doesNotThrowAnyException();
    }

    @Test
    void weakIsStillWeakAndNamesTheField() {
        assertThat(code(() -> PasswordPolicy.check("abcdefgh", "newPassword", List.of(), p -> false)))
                .isEqualTo("account.password.weak");
        assertThat(code(() -> PasswordPolicy.check("Aa1!".repeat(40), "newPassword", List.of(), p -> false)))
                .as("longer than 128").isEqualTo("account.password.weak");
    }

    @Test
    void staffPasswordsExpireAfter90DaysMembersNeverByDefault() {
        AccountsProperties p = AccountsProperties.defaults();
        assertThat(p.maxPasswordAge(Role.ORG_STAFF)).isEqualTo(Duration.ofDays(90));
        assertThat(p.maxPasswordAge(Role.SECURITY_ADMIN)).isEqualTo(Duration.ofDays(90));
        assertThat(p.maxPasswordAge(Role.MEMBER)).isEqualTo(Duration.ZERO);
        assertThat(p.activationCodeTtl()).isEqualTo(Duration.ofDays(7));
        assertThat(p.mfaRoles()).containsExactlyInAnyOrder(Role.ADMIN, Role.SECURITY_ADMIN, Role.AUDITOR, Role.ORG_STAFF);
        assertThat(p.mfaEnforced()).isFalse();
    }
}
