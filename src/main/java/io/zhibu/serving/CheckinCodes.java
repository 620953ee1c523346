package io.zhibu.serving;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Check-in by code for volunteer activities, on the meeting check-in's terms (R6.3 as the meeting module applies it):
 * a six-digit code the organizer shows, compared in constant time, accepted from {@link #OPENS_BEFORE} before the
 * start to {@link #CLOSES_AFTER} after the end, at most {@link #MAX_WRONG} wrong codes per participant. The meeting
 * module's check-in is bound to a meeting's attendee list and has no API for other records, hence this helper.
 */
public final class CheckinCodes {
    public static final Duration OPENS_BEFORE = Duration.ofMinutes(30);
    public static final Duration CLOSES_AFTER = Duration.ofMinutes(60);
    public static final int MAX_WRONG = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private CheckinCodes() {
    }

    public static String newCode() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    public static boolean matches(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.strip().getBytes(StandardCharsets.UTF_8));
    }

    public static boolean open(OffsetDateTime startsAt, OffsetDateTime endsAt, OffsetDateTime now) {
        return !now.isBefore(startsAt.minus(OPENS_BEFORE)) && !now.isAfter(endsAt.plus(CLOSES_AFTER));
    }

    /** Minutes credited between check-in and check-out, counted within the activity's time (no credit outside it). */
    public static int creditedMinutes(OffsetDateTime startsAt, OffsetDateTime endsAt, OffsetDateTime in, OffsetDateTime out) {
        OffsetDateTime from = in.isBefore(startsAt) ? startsAt : in;
        OffsetDateTime to = out.isAfter(endsAt) ? endsAt : out;
        long m = Duration.between(from, to).toMinutes();
        return (int) Math.max(0, Math.min(m, ServingRules.MAX_MINUTES));
    }
}
