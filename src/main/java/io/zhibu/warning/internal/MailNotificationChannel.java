package io.zhibu.warning.internal;

import io.zhibu.warning.NotificationChannel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Copies of notifications by email through SMTP (Spring's {@code spring.mail.*} settings); active only when
 * {@code spring.mail.host} is configured. A failed delivery is logged and never undoes the in-app message.
 */
@Component
@ConditionalOnProperty(name = "spring.mail.host")
class MailNotificationChannel implements NotificationChannel {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MailNotificationChannel.class);
    private final JavaMailSender sender;
    private final String from;

    MailNotificationChannel(JavaMailSender sender, @Value("${zhibu.notifications.mail.from:zhibu@localhost}") String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public String id() {
        return "mail";
    }

    @Override
    public boolean reaches(Address address) {
        return address.email() != null && !address.email().isBlank();
    }

    @Override
    public void send(Address address, String subject, String body) {
        SimpleMailMessage m = new SimpleMailMessage();
        m.setFrom(from);
        m.setTo(address.email());
        m.setSubject(subject);
        m.setText(body);
        try {
            sender.send(m);
        } catch (MailException e) {
            log.warn("mail to user {} failed: {}", address.username(), e.getMessage());
        }
    }
}
