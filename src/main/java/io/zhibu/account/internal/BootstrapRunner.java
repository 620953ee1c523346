package io.zhibu.account.internal;

import io.zhibu.account.AccountBootstrap;
import io.zhibu.account.IssuedCode;
import io.zhibu.shared.ConflictException;
import io.zhibu.shared.InvalidInputException;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code --zhibu.bootstrap.security-admin=NAME}: creates the first security administrator, prints the one-time
 * activation code on standard output, and stops the application (exit status 0; 1 when refused).
 */
@Component
@Order(0)
@ConditionalOnProperty("zhibu.bootstrap.security-admin")
class BootstrapRunner implements ApplicationRunner {
    private final AccountBootstrap bootstrap;
    private final ConfigurableApplicationContext context;
    private final String name;

    BootstrapRunner(AccountBootstrap bootstrap, ConfigurableApplicationContext context,
                    org.springframework.core.env.Environment env) {
        this.bootstrap = bootstrap;
        this.context = context;
        this.name = env.getProperty("zhibu.bootstrap.security-admin");
    }

    @Override
    public void run(ApplicationArguments args) {
        int status;
        try {
            IssuedCode c = bootstrap.createFirstSecurityAdmin(name);
            String line = "=".repeat(72);
            System.out.println(line + "\n  First security administrator: " + c.login()
                    + "\n  One-time activation code (shown only now): " + c.activationCode()
                    + "\n  Valid until " + c.expiresAt() + ". Open /activate, enter the login name and the code, and"
                    + "\n  choose a password; then create the other staff accounts under 账号与角色管理.\n" + line);
            status = 0;
        } catch (ConflictException e) {
            System.err.println("Refused: a security administrator already exists; nothing was created.");
            status = 1;
        } catch (InvalidInputException e) {
            System.err.println("Refused: NAME must be 3-64 letters, digits or ._- starting with a letter, and unused.");
            status = 1;
        }
        int exit = SpringApplication.exit(context, () -> 0);
        System.exit(status == 0 ? exit : status);
    }
}
