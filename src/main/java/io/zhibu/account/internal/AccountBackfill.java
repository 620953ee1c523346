package io.zhibu.account.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up, members registered before accounts existed (an upgraded database) get their unactivated accounts,
 * set-based. New members get theirs with the registration itself. Off with {@code zhibu.accounts.backfill=false}.
 */
@Component
@Order(100)
@ConditionalOnProperty(value = "zhibu.accounts.backfill", havingValue = "true", matchIfMissing = true)
class AccountBackfill implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(AccountBackfill.class);
    private final AccountProvisioning provisioning;

    AccountBackfill(AccountProvisioning provisioning) {
        this.provisioning = provisioning;
    }

    @Override
    public void run(ApplicationArguments args) {
        long t0 = System.nanoTime();
        int n = provisioning.provisionAll();
        if (n > 0) {
            log.info("Accounts: {} members without an account got one in {} ms", n, (System.nanoTime() - t0) / 1_000_000);
        }
    }
}
