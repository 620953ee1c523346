package io.zhibu.warning;

import io.zhibu.audit.AuditLog;
import io.zhibu.db.tables.records.WarningMessageRecord;
import io.zhibu.shared.DataScope;
import io.zhibu.shared.InvalidInputException;
import io.zhibu.shared.MobilePhone;
import io.zhibu.shared.NotFoundException;
import io.zhibu.shared.Page;
import io.zhibu.shared.TextInput;
import io.zhibu.warning.internal.WarningRepository;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 站内消息 the user's inbox: messages are the user's own (another user's message id answers 404), with the unread
 * count of the top bar; and where the user wants copies by email / SMS / WeChat and the daily digest.
 */
@Service
public class Inbox {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private final WarningRepository repo;
    private final AuditLog audit;
    private final Clock clock;

    public Inbox(WarningRepository repo, AuditLog audit, Clock clock) {
        this.repo = repo;
        this.audit = audit;
        this.clock = clock;
    }

    /** A stored message: its key and raw arguments (rendered by the web layer). */
    public record Raw(long id, String kind, Long warningId, String key, List<String> args, OffsetDateTime createdAt,
                      boolean read) {
    }

    @Transactional(readOnly = true)
    public Page<Raw> messages(DataScope scope, boolean unreadOnly, Integer page, Integer size) {
        int p = Page.clampPage(page);
        int s = Page.clampSize(size);
        return new Page<>(repo.messages(scope.userId(), unreadOnly, p, s).stream().map(Inbox::raw).toList(), p, s,
                repo.countMessages(scope.userId(), unreadOnly));
    }

    @Transactional(readOnly = true)
    public int unread(DataScope scope) {
        return repo.countMessages(scope.userId(), true);
    }

    @Transactional
    public Raw markRead(DataScope scope, long id) {
        WarningMessageRecord m = repo.message(id).filter(x -> x.getUserId() == scope.userId())
                .orElseThrow(() -> new NotFoundException("message", id));
        repo.markRead(scope.userId(), id, OffsetDateTime.now(clock));
        return raw(repo.message(m.getId()).orElseThrow());
    }

    @Transactional
    public int markAllRead(DataScope scope) {
        return repo.markRead(scope.userId(), null, OffsetDateTime.now(clock));
    }

    @Transactional(readOnly = true)
    public WarningViews.Contact contact(DataScope scope) {
        return repo.contact(scope.userId()).map(c -> new WarningViews.Contact(c.getEmail(), c.getMobile(),
                c.getWechatOpenId(), c.getDigest())).orElse(new WarningViews.Contact(null, null, null, true));
    }

    /** Saves where copies go; each address is checked (email shape, 11-digit mobile), bad input changes nothing. */
    @Transactional
    public WarningViews.Contact saveContact(DataScope scope, WarningViews.ContactForm f) {
        List<io.zhibu.shared.Violation> v = new ArrayList<>();
        String email = InvalidInputException.collect(v, () -> TextInput.optional(f == null ? null : f.email(), "email", 200));
        if (email != null && !EMAIL.matcher(email).matches()) {
            v.add(new io.zhibu.shared.Violation("email", "inbox.contact.email.invalid"));
        }
        String mobile = InvalidInputException.collect(v, () -> TextInput.optional(f == null ? null : f.mobile(), "mobile", 20));
        if (mobile != null) {
            mobile = InvalidInputException.collect(v, () -> MobilePhone.normalize(f.mobile(), "mobile"));
        }
        String wechat = InvalidInputException.collect(v, () -> TextInput.optional(f == null ? null : f.wechatOpenId(),
                "wechatOpenId", 64));
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        boolean digest = f.digest() == null || f.digest();
        repo.saveContact(scope.userId(), email, mobile, wechat, digest, OffsetDateTime.now(clock));
        audit.success("inbox.contact", "user", scope.userId(), scope.orgPath(), "notification addresses changed");
        return contact(scope);
    }

    static Raw raw(WarningMessageRecord m) {
        List<String> args = m.getBody() == null ? List.of() : Arrays.asList(m.getBody().split("\u001f", -1));
        return new Raw(m.getId(), m.getKind(), m.getWarningId(), m.getTitle(), args, m.getCreatedAt(), m.getReadAt() != null);
    }
}
