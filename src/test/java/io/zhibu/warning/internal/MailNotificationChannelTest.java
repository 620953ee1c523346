package io.zhibu.warning.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import io.zhibu.warning.NotificationChannel;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

class MailNotificationChannelTest {
    @Test
    void sendsToUsersWithAnAddressAndSurvivesAFailedDelivery() {
        JavaMailSender sender = mock(JavaMailSender.class);
        MailNotificationChannel channel = new MailNotificationChannel(sender, "zhibu@example.org");
        var with = new NotificationChannel.Address(1, "secretary", "sec@example.org", null, null);
        var without = new NotificationChannel.Address(2, "member", " ", "13800000000", null);
        assertThat(channel.reaches(with)).isTrue();
        assertThat(channel.reaches(without)).isFalse();

        channel.send(with, "换届提醒", "支部委员会任期将于三个月内届满");
        ArgumentCaptor<SimpleMailMessage> m = ArgumentCaptor.forClass(SimpleMailMessage.class);
        verify(sender).send(m.capture());
        assertThat(m.getValue().getTo()).containsExactly("sec@example.org");
        assertThat(m.getValue().getFrom()).isEqualTo("zhibu@example.org");
        assertThat(m.getValue().getSubject()).isEqualTo("换届提醒");

        doThrow(new MailSendException("smtp down")).when(sender).send(any(SimpleMailMessage.class));
        channel.send(with, "x", "y"); // logged, not thrown
    }
}
