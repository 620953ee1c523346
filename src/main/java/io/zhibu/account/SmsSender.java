package io.zhibu.account;

/**
 * Sends a short text to a mobile number (activation codes). The platform ships a logging sandbox
 * ({@code zhibu.sms.provider=log}, the default); a real provider is another bean implementing this interface.
 */
public interface SmsSender {
    /** Sends {@code text} to the member's mobile; the number is resolved by the member module, never stored here. */
    void send(long memberId, String text);
}
