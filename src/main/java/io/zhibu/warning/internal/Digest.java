package io.zhibu.warning.internal;

import io.zhibu.shared.OrgPath;
import io.zhibu.warning.NotificationChannel;
import io.zhibu.warning.RecipientDirectory.Recipient;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * 每日摘要 the daily digest for branch secretaries: how many warnings of their branch are open and how many of them
 * are urgent or red — an in-app message, and a copy through the external channels to those who left an address
 * and did not switch the digest off. Secretaries with nothing open get nothing.
 */
@Component
public class Digest {
    private static final Logger log = LoggerFactory.getLogger(Digest.class);
    private final WarningRepository repo;
    private final Recipients recipients;
    private final Notifier notifier;
    private final MessageSource messages;
    private final Clock clock;

    Digest(WarningRepository repo, Recipients recipients, Notifier notifier, MessageSource messages, Clock clock) {
        this.repo = repo;
        this.recipients = recipients;
        this.notifier = notifier;
        this.messages = messages;
        this.clock = clock;
    }

    /** Sends the digest of {@code today}; returns how many secretaries got one. */
    public int send(LocalDate today) {
        var open = repo.openByPath();
        Recipients.Index idx = recipients.load();
        List<WarningRepository.NewMessage> inApp = new ArrayList<>();
        List<Object[]> external = new ArrayList<>();
        for (Recipient r : idx.secretaries) {
            String path = idx.byPath.entrySet().stream().filter(e -> e.getValue().contains(r)).map(Map.Entry::getKey)
                    .findFirst().orElse(null);
            if (path == null) {
                continue;
            }
            int total = 0;
            int urgent = 0;
            for (int[] c : open.subMap(path, true, OrgPath.upperBound(path), false).values()) {
                total += c[0];
                urgent += c[1];
            }
            if (total == 0) {
                continue;
            }
            String body = today + String.valueOf(Notifier.SEP) + total + Notifier.SEP + urgent;
            inApp.add(new WarningRepository.NewMessage(r.userId(), "DIGEST", null, path, "inbox.msg.digest", body));
            external.add(new Object[] {r, total, urgent});
        }
        repo.insertMessages(inApp, OffsetDateTime.now(clock));
        Map<Long, io.zhibu.db.tables.records.WarningContactRecord> contacts = repo.contacts(
                external.stream().map(o -> ((Recipient) o[0]).userId()).toList()).stream()
                .collect(Collectors.toMap(io.zhibu.db.tables.records.WarningContactRecord::getUserId, Function.identity()));
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        for (Object[] o : external) {
            Recipient r = (Recipient) o[0];
            var c = contacts.get(r.userId());
            if (c == null || !c.getDigest()) {
                continue;
            }
            String subject = messages.getMessage("inbox.digest.subject", new Object[] {today}, zh);
            String text = messages.getMessage("inbox.msg.digest", new Object[] {today, o[1], o[2]}, zh);
            notifier.external(List.of(new NotificationChannel.Address(r.userId(), r.username(), c.getEmail(),
                    c.getMobile(), c.getWechatOpenId())), subject, text);
        }
        log.info("Warning digest {}: {} secretaries", today, inApp.size());
        return inApp.size();
    }
}
