package io.zhibu.warning.internal;

import io.zhibu.db.tables.records.WarningWarningRecord;
import io.zhibu.warning.NotificationChannel;
import io.zhibu.warning.RecipientDirectory.Recipient;
import io.zhibu.warning.Severity;
import io.zhibu.warning.WarningProperties;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * In-app messages (站内消息) after a sweep: each warning that opened or escalated with at least
 * {@code zhibu.warnings.notify-from} severity gives one message to every user who must act on it. Messages store the
 * rule, level and names as arguments and are rendered in the reader's language.
 */
@Component
public class Notifier {
    static final char SEP = '\u001f';
    private final WarningRepository repo;
    private final Recipients recipients;
    private final WarningProperties props;
    private final ObjectProvider<NotificationChannel> channels;
    private final Clock clock;

    Notifier(WarningRepository repo, Recipients recipients, WarningProperties props,
             ObjectProvider<NotificationChannel> channels, Clock clock) {
        this.repo = repo;
        this.recipients = recipients;
        this.props = props;
        this.channels = channels;
        this.clock = clock;
    }

    void afterSweep(long run, List<Long> changedIds) {
        Recipients.Index idx;
        List<WarningWarningRecord> rows = new ArrayList<>();
        repo.forEachOpened(run, w -> {
            if (w.getSeverityRank() >= props.notifyFrom().rank()) {
                rows.add(w);
            }
        });
        for (WarningWarningRecord w : repo.byIds(changedIds)) {
            if (w.getSeverityRank() >= props.notifyFrom().rank()) {
                rows.add(w);
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        idx = recipients.load();
        if (idx.byPath.isEmpty() && idx.byMember.isEmpty()) {
            return;
        }
        var names = recipients.orgsOf(rows.stream().map(WarningWarningRecord::getOrgId).distinct().toList());
        List<WarningRepository.NewMessage> batch = new ArrayList<>();
        for (WarningWarningRecord w : rows) {
            var ref = names.get(w.getOrgId());
            String body = String.join(String.valueOf(SEP), w.getRule(), w.getLevel(),
                    w.getSubjectName() == null ? "" : w.getSubjectName(), ref == null ? "" : ref.name(),
                    w.getDueOn() == null ? "" : w.getDueOn().toString());
            for (Recipient r : idx.of(w)) {
                batch.add(new WarningRepository.NewMessage(r.userId(), "WARNING", w.getId(), w.getOrgPath(),
                        "inbox.msg.warning", body));
                if (batch.size() >= 1000) {
                    repo.insertMessages(batch, OffsetDateTime.now(clock));
                    batch.clear();
                }
            }
        }
        repo.insertMessages(batch, OffsetDateTime.now(clock));
    }

    /** Delivers a copy through every external channel that can reach the user (if they left an address). */
    void external(List<NotificationChannel.Address> addresses, String subject, String body) {
        for (NotificationChannel.Address a : addresses) {
            channels.orderedStream().filter(c -> c.reaches(a)).forEach(c -> c.send(a, subject, body));
        }
    }

    static Severity severity(WarningWarningRecord w) {
        return w.getSeverity();
    }
}
