package io.zhibu.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.zhibu.shared.web.TooManyRequestsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Sign-in protection rules (issue 15 §7, R9.6), one place:
 * <ul>
 *   <li>failed sign-ins are budgeted per client address (Bucket4j token buckets, refilled over the window): when the
 *   budget is spent, sign-in answers 429 with Retry-After <em>before</em> any password hashing, so a burst of bad
 *   logins costs almost nothing and does not slow everybody else down;</li>
 *   <li>a login name under attack from many addresses (a distributed guess) has a second budget, spent and checked
 *   only by addresses <em>not known</em> for that login name. An address is known for a login name once a sign-in
 *   with the right password came from it (kept for {@link #KNOWN_FOR}). So an attack from anywhere throttles the
 *   attackers' addresses but never stops the owner signing in from where they signed in before;</li>
 *   <li>R9.6 lock after {@value #MAX_FAILURES} failures for the lock duration — counted per account <em>and</em>
 *   client address, so nobody can lock {@code admin} for everyone by failing five times from somewhere;</li>
 *   <li>successful sign-ins spend nothing, so colleagues behind one address are not throttled by each other;</li>
 *   <li>password hashes of sign-in attempts run at most {@code hashers} at a time (half the processors): a burst of
 *   bad sign-ins from many addresses (which no per-address budget stops) keeps the other processors free for
 *   everybody else; an attempt that waits longer than {@code hashWait} for its turn answers 429 too.</li>
 * </ul>
 * Every decision before the password check depends only on the typed login name and the address, never on whether
 * the account exists, so unknown and locked accounts get the same answers.
 * One node's view (kept in memory): behind several nodes each applies its own budgets, and a restart forgets the
 * known addresses (the owner then meets the per-login budget like anybody else until the attack subsides).
 */
public class SignInThrottle {
    /** R9.6: five consecutive failures lock the account (for this client address). */
    public static final int MAX_FAILURES = 5;
    /** How long an address stays known for a login name after a sign-in with the right password from it. */
    public static final Duration KNOWN_FOR = Duration.ofDays(90);

    private final long perIp;
    private final long perLogin;
    private final Duration window;
    private final Duration lockFor;
    private final Clock clock;
    private final Cache<String, Bucket> buckets;
    private final Cache<String, Failures> failures;
    private final Cache<String, Boolean> known;
    private final java.util.concurrent.Semaphore hashers;
    private final Duration hashWait;

    private static final class Failures {
        int count;
        Instant lockedUntil;
    }

    public SignInThrottle(long perIp, long perLogin, Duration window, Duration lockFor, Clock clock) {
        this(perIp, perLogin, window, lockFor, clock, Math.max(1, Runtime.getRuntime().availableProcessors() / 2),
                Duration.ofSeconds(3));
    }

    public SignInThrottle(long perIp, long perLogin, Duration window, Duration lockFor, Clock clock, int hashers,
                          Duration hashWait) {
        this.hashers = new java.util.concurrent.Semaphore(hashers, true);
        this.hashWait = hashWait;
        this.perIp = perIp;
        this.perLogin = perLogin;
        this.window = window;
        this.lockFor = lockFor;
        this.clock = clock;
        Duration keep = window.compareTo(lockFor) > 0 ? window : lockFor;
        this.buckets = Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(keep).build();
        this.failures = Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(keep).build();
        this.known = Caffeine.newBuilder().maximumSize(500_000).expireAfterWrite(KNOWN_FOR).build();
    }

    /** The key of a login name: trimmed, lower case, at most 64 characters (longer names are one key). */
    public static String loginKey(String login) {
        String l = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
        return l.length() > 64 ? l.substring(0, 64) : l;
    }

    /**
     * Throws 429 (with the wait) when the address has used up its failure budget, or when the login name has used up
     * its budget and this address is not known for it.
     */
    public void checkAllowed(String ip, String login) {
        // the attempt's token is taken now (given back on success), so concurrent attempts cannot all pass the check
        // before the first failures are counted
        Bucket byIp = bucket("ip|" + ip, perIp);
        take(byIp);
        if (!known(ip, login)) {
            try {
                take(bucket("login|" + loginKey(login), perLogin));
            } catch (TooManyRequestsException e) {
                byIp.addTokens(1);
                throw e;
            }
        }
    }

    /** Spends a failure of an attempt that did not go through {@link #checkAllowed} (a wrong second-factor code). */
    public void charge(String ip, String login) {
        bucket("ip|" + ip, perIp).tryConsume(1);
        if (!known(ip, login)) {
            bucket("login|" + loginKey(login), perLogin).tryConsume(1);
        }
    }

    /** Whether a sign-in with the right password for this login name came from this address before. */
    public boolean known(String ip, String login) {
        return known.getIfPresent(loginKey(login) + "|" + ip) != null;
    }

    /**
     * Runs a sign-in's password hash when a hasher is free (at most {@code hashers} at once); 429 when none frees
     * within the wait. Unknown, locked and existing accounts all pass through here the same way.
     */
    public <T> T hashing(java.util.function.Supplier<T> work) {
        boolean got;
        try {
            got = hashers.tryAcquire(hashWait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            got = false;
        }
        if (!got) {
            throw new TooManyRequestsException("auth.tooManyAttempts", Duration.ofSeconds(1));
        }
        try {
            return work.get();
        } finally {
            hashers.release();
        }
    }

    private static void take(Bucket b) {
        var p = b.tryConsumeAndReturnRemaining(1);
        if (!p.isConsumed()) {
            throw new TooManyRequestsException("auth.tooManyAttempts", Duration.ofNanos(p.getNanosToWaitForRefill()));
        }
    }

    /**
     * Records a failed attempt (its budget token was taken by {@link #checkAllowed}); true when it locks the account
     * for this address (R9.6).
     */
    public boolean failed(String ip, String login, Long accountId) {
        if (accountId == null) {
            return false;
        }
        Failures f = failures.get(accountId + "|" + ip, k -> new Failures());
        synchronized (f) {
            f.count++;
            if (f.count >= MAX_FAILURES) {
                f.count = 0;
                f.lockedUntil = clock.instant().plus(lockFor);
                return true;
            }
            return false;
        }
    }

    /** Whether the account is locked for this address after repeated failures. */
    public boolean locked(long accountId, String ip) {
        Failures f = failures.getIfPresent(accountId + "|" + ip);
        if (f == null) {
            return false;
        }
        synchronized (f) {
            return f.lockedUntil != null && f.lockedUntil.isAfter(clock.instant());
        }
    }

    /** Failures so far from this address (for the audit detail). */
    public int failures(long accountId, String ip) {
        Failures f = failures.getIfPresent(accountId + "|" + ip);
        return f == null ? 0 : f.count;
    }

    /**
     * The right password came from this address for these login names (the one typed, and the account's user name):
     * its failures are forgotten and the address is known for them from now on.
     */
    public void succeeded(long accountId, String ip, String... logins) {
        failures.invalidate(accountId + "|" + ip);
        // a success spends nothing: give back what checkAllowed took
        bucket("ip|" + ip, perIp).addTokens(1);
        if (logins.length > 0 && logins[0] != null && !known(ip, logins[0])) {
            bucket("login|" + loginKey(logins[0]), perLogin).addTokens(1);
        }
        for (String login : logins) {
            if (login != null) {
                known.put(loginKey(login) + "|" + ip, Boolean.TRUE);
            }
        }
    }

    /** Unlock by the security administrator: forget every address's failures of the account. */
    public void clear(long accountId) {
        failures.asMap().keySet().removeIf(k -> k.startsWith(accountId + "|"));
    }

    private Bucket bucket(String key, long capacity) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build()).build());
    }
}
