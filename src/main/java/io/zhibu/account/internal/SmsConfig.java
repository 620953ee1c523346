package io.zhibu.account.internal;

import io.zhibu.account.SmsSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SMS sandbox: logs what would be sent instead of sending it. A real provider is a bean implementing
 * {@link SmsSender}; then this one steps aside.
 */
@Configuration
class SmsConfig {
    private static final Logger log = LoggerFactory.getLogger("io.zhibu.sms.sandbox");

    @Bean
    @ConditionalOnMissingBean(SmsSender.class)
    SmsSender loggingSmsSender() {
        return (memberId, text) -> log.info("SMS (sandbox, not sent) to member {}: {}", memberId, text);
    }
}
