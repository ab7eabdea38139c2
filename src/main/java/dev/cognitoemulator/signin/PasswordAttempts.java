package dev.cognitoemulator.signin;

import dev.cognitoemulator.domain.Lockout;
import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.domain.PoolWrite;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.errors.CognitoException;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Cognito's lockout of failed password sign-ins ({@link Lockout}), for every flow that checks a password: while
 * locked out, even the right password is refused with {@code Password attempts exceeded} (captured:
 * amazon-cognito-identity-js#479) and the attempt does not count (it only keeps the lockout from being forgotten); a
 * wrong password is recorded before it is answered; a sign-in that gets through forgets the failures.
 */
final class PasswordAttempts {

    private PasswordAttempts() {
    }

    /** Whether the user is locked out: then the password is not even checked, and {@link #failed} answers. */
    static boolean lockedOut(PoolView pool, User user, Instant now) {
        return pool.lockout(user.sub()).at(now).lockedAt(now);
    }

    /**
     * Records a refused password (in its own write) and answers it: during a lockout, {@code Password attempts
     * exceeded} and only the attempt's time recorded; else one more failure, answered as a wrong password.
     */
    static CognitoException failed(SignIn signIn, String poolId, User user, Instant now) {
        boolean locked = signIn.store().write(poolId, pool -> {
            if (pool.bySub(user.sub()) == null) {
                return false;
            }
            Lockout lockout = pool.lockout(user.sub()).at(now);
            pool.putLockout(lockout.lockedAt(now) ? lockout.attempted(now) : lockout.failed(now));
            return lockout.lockedAt(now);
        });
        return SignIn.notAuthorized(locked ? "Password attempts exceeded" : PasswordFlow.WRONG_PASSWORD);
    }

    /**
     * A sign-in that got through: {@code change} (what it writes), and its failures forgotten. The failures are read
     * before {@code change} runs, since a write reads before it changes anything ({@code change} may read too).
     */
    static void succeeded(PoolWrite pool, User user, Consumer<PoolWrite> change) {
        boolean failed = pool.lockout(user.sub()).failures() > 0;
        change.accept(pool);
        if (failed) {
            pool.putLockout(Lockout.none(user.sub()));
        }
    }
}
