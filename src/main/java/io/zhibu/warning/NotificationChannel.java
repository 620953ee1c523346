package io.zhibu.warning;

/**
 * An external notification channel (email, SMS, WeChat). In-app messages are always written; channels deliver a copy
 * to users who left an address for them. The default channel only logs (no personal data in the log line).
 */
public interface NotificationChannel {
    /** Where a user can be reached; any field may be null. */
    record Address(long userId, String username, String email, String mobile, String wechatOpenId) {
    }

    String id();

    boolean reaches(Address address);

    void send(Address address, String subject, String body);
}
