package dev.cognitoemulator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The lockout arithmetic of the developer guide (authentication.html, "Lockout behavior for failed sign-in
 * attempts"): 2^(n-5) seconds for the n-th failure from the fifth, about 15 minutes at most, forgotten after 15
 * minutes without attempts.
 */
class LockoutTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** {@code n} failures, each when the lockout before it ran out; returns the last. */
    private static Lockout failures(int n) {
        Lockout lockout = Lockout.none("sub");
        Instant now = T0;
        for (int i = 0; i < n; i++) {
            now = lockout.lockedAt(now) ? lockout.lockedUntil() : now;
            lockout = lockout.failed(now);
        }
        return lockout;
    }

    private static Duration lockoutOf(Lockout lockout) {
        return Duration.between(lockout.lastAttempt(), lockout.lockedUntil());
    }

    @Test
    void nobodyIsLockedOutAtFirst() {
        Lockout none = Lockout.none("sub");

        assertThat(none.failures()).isZero();
        assertThat(none.lockedAt(T0)).isFalse();
        assertThat(none.at(T0)).isEqualTo(none);
    }

    @Test
    void fourFailuresLockNobodyOut() {
        Lockout four = failures(4);

        assertThat(four.failures()).isEqualTo(4);
        assertThat(four.lockedAt(four.lastAttempt())).isFalse();
    }

    @Test
    void fromTheFifthFailureTheLockoutDoubles() {
        for (int n = 5; n <= 14; n++) {
            Lockout lockout = failures(n);
            Duration expected = Duration.ofSeconds(1L << (n - 5));

            assertThat(lockoutOf(lockout)).as("failure %d", n).isEqualTo(expected);
            assertThat(lockout.lockedAt(lockout.lastAttempt().plus(expected).minusMillis(1))).isTrue();
            assertThat(lockout.lockedAt(lockout.lastAttempt().plus(expected))).isFalse();
        }
    }

    @Test
    void theLockoutStopsAtFifteenMinutes() {
        Lockout sixtyNine = new Lockout("sub", 69, T0, T0);

        assertThat(lockoutOf(failures(15))).isEqualTo(Duration.ofMinutes(15));
        assertThat(lockoutOf(sixtyNine.failed(T0.plusSeconds(1)))).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aLockoutWaitedOutInSilenceIsForgotten() {
        Lockout fifteen = failures(15);

        assertThat(fifteen.failed(fifteen.lockedUntil()).failures()).isEqualTo(1);
    }

    @Test
    void fifteenMinutesWithoutAnAttemptForgetTheFailures() {
        Lockout five = failures(5);
        Instant last = five.lastAttempt();

        assertThat(five.at(last.plus(Duration.ofMinutes(15)).minusMillis(1))).isEqualTo(five);
        assertThat(five.at(last.plus(Duration.ofMinutes(15)))).isEqualTo(Lockout.none("sub"));
        assertThat(five.failed(last.plus(Duration.ofMinutes(15))).failures()).isEqualTo(1);
    }

    @Test
    void anAttemptDuringTheLockoutCountsNothingButRestartsTheQuietMinutes() {
        Lockout five = failures(5);
        Instant during = five.lastAttempt().plusMillis(500);

        Lockout attempted = five.attempted(during);

        assertThat(attempted.failures()).isEqualTo(5);
        assertThat(attempted.lockedUntil()).isEqualTo(five.lockedUntil());
        assertThat(attempted.at(five.lastAttempt().plus(Duration.ofMinutes(15)))).isEqualTo(attempted);
        assertThat(attempted.at(during.plus(Duration.ofMinutes(15)))).isEqualTo(Lockout.none("sub"));
    }
}
