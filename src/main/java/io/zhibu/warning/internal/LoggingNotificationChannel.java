package io.zhibu.warning.internal;

import io.zhibu.warning.NotificationChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The default external channel: logs that a notification would go out (user name and subject only: no address and
 * no body, R9.5). Replace or add SMS / WeChat channels by declaring other {@link NotificationChannel} beans;
 * {@code zhibu.notifications.log.enabled=false} switches this one off.
 */
@Component
@ConditionalOnProperty(name = "zhibu.notifications.log.enabled", havingValue = "true", matchIfMissing = true)
class LoggingNotificationChannel implements NotificationChannel {
    private static final Logger log = LoggerFactory.getLogger(LoggingNotificationChannel.class);

    @Override
    public String id() {
        return "log";
    }

    @Override
    public boolean reaches(Address address) {
        return true;
    }

    @Override
    public void send(Address address, String subject, String body) {
        log.info("notification to {}: {}", address.username(), subject);
    }
}
