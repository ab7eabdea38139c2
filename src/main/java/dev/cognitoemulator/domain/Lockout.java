package dev.cognitoemulator.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Failed password sign-ins of a user, and the lockout they cause, as Cognito's developer guide documents it: after
 * five failures the user is locked out for one second, and the lockout doubles with each further failure (2^(n-5) s
 * for the n-th) up to about 15 minutes; attempts during a lockout answer {@code Password attempts exceeded} and do not
 * count (but are attempts); a success after the lockout ran out, or 15 minutes without attempts, starts over
 * (authentication.html, "Lockout behavior for failed sign-in attempts").
 *
 * @param lastAttempt the last failure, or the last attempt during a lockout since
 */
public record Lockout(String sub, int failures, Instant lockedUntil, Instant lastAttempt) {

    static final int FREE_FAILURES = 5;
    static final Duration MAX = Duration.ofMinutes(15);
    static final Duration QUIET_RESET = Duration.ofMinutes(15);

    public static Lockout none(String sub) {
        return new Lockout(sub, 0, Instant.MIN, Instant.MIN);
    }

    public boolean lockedAt(Instant now) {
        return now.isBefore(lockedUntil);
    }

    /** What counts at {@code now}: nothing once 15 minutes passed without an attempt. */
    public Lockout at(Instant now) {
        return failures > 0 && !now.isBefore(lastAttempt.plus(QUIET_RESET)) ? none(sub) : this;
    }

    /** An attempt during the lockout: it does not count, but the 15 quiet minutes start again. */
    public Lockout attempted(Instant now) {
        return new Lockout(sub, failures, lockedUntil, now);
    }

    /** One more wrong password (not during a lockout: those do not count). */
    public Lockout failed(Instant now) {
        Lockout current = at(now);
        int n = current.failures + 1;
        Instant until = now;
        if (n >= FREE_FAILURES) {
            long seconds = n - FREE_FAILURES >= 10 ? MAX.toSeconds() : Math.min(1L << (n - FREE_FAILURES),
                    MAX.toSeconds());
            until = now.plusSeconds(seconds);
        }
        return new Lockout(sub, n, until, now);
    }
}
