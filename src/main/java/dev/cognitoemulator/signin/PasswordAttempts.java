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
 * amazon-cognito-identity-js#479) and the attempt does not count; a wrong password is recorded before it is
 * answered; a sign-in that gets through forgets the failures.
 */
final class PasswordAttempts {

    private PasswordAttempts() {
    }

    static void requireNotLocked(PoolView pool, User user, Instant now) {
        if (pool.lockout(user.sub()).at(now).lockedAt(now)) {
            throw SignIn.notAuthorized("Password attempts exceeded");
        }
    }

    /** Records the failure (in its own write) and answers it as Cognito answers a wrong password. */
    static CognitoException failed(SignIn signIn, String poolId, User user, Instant now) {
        signIn.store().write(poolId, pool -> {
            if (pool.bySub(user.sub()) != null) {
                pool.putLockout(pool.lockout(user.sub()).failed(now));
            }
            return null;
        });
        return SignIn.notAuthorized(PasswordFlow.WRONG_PASSWORD);
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
