package io.zhibu.account;

import io.zhibu.account.internal.AccountRepository;
import io.zhibu.audit.AuditLog;
import io.zhibu.audit.AuditOutcome;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.Role;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Production bootstrap (issue 15 §8): on a fresh database, creates the first security administrator — unactivated,
 * with a one-time activation code printed once — so that someone can sign in and create everybody else. Refuses
 * when an enabled security administrator exists. Run:
 * {@code java -jar zhibu.jar --spring.profiles.active=prod --zhibu.bootstrap.security-admin=NAME}.
 */
@Service
public class AccountBootstrap {
    private final AccountRepository repo;
    private final AccountService accounts;
    private final AuditLog audit;
    private final AccountsProperties props;

    public AccountBootstrap(AccountRepository repo, AccountService accounts, AuditLog audit, AccountsProperties props) {
        this.repo = repo;
        this.accounts = accounts;
        this.audit = audit;
        this.props = props;
    }

    @Transactional
    public IssuedCode createFirstSecurityAdmin(String username) {
        String name = username == null ? "" : username.strip();
        if (!name.matches("[A-Za-z][A-Za-z0-9_.-]{2,63}") || name.matches("(?i)m\\d{8,}")) {
            throw InvalidInputException.of("username", "account.username.format");
        }
        if (repo.anyEnabledWithRole(Role.SECURITY_ADMIN)) {
            audit.forUser("system", null, null, "account.bootstrap", "refused: a security administrator exists",
                    AuditOutcome.DENIED);
            throw new ConflictException("account.bootstrap.exists");
        }
        if (repo.findByUsername(name).isPresent()) {
            throw InvalidInputException.of("username", "account.username.taken");
        }
        var now = accounts.now();
        long id = repo.insertUser(name, "安全管理员", null, Role.SECURITY_ADMIN, null, null, null, now);
        String code = accounts.newActivationCode();
        var expires = now.plus(props.activationCodeTtl());
        repo.insertActivations(List.of(id), List.of(accounts.activationHash(id, code)), now, expires, "bootstrap");
        audit.forUser("system", null, null, "account.bootstrap", "first security administrator " + name,
                AuditOutcome.SUCCESS);
        return new IssuedCode(id, "安全管理员", name, code, expires);
    }
}
