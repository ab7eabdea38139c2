package dev.cognitoemulator.signin;

import dev.cognitoemulator.domain.Lockout;
import dev.cognitoemulator.domain.ThreatProtection;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.errors.CognitoException;
import java.time.Instant;
import java.util.List;

/**
 * Cognito's lockout of failed password sign-ins ({@link Lockout}), for every flow that checks a password (the
 * password itself or its SRP proof): while locked out, even the right password is refused with
 * {@code Password attempts exceeded} (captured: amazon-cognito-identity-js#479) and the attempt does not count (it only
 * keeps the lockout from being forgotten); a wrong password is recorded before it is answered; a sign-in that gets
 * through forgets the failures ({@code SignIn.Success}).
 */
final class PasswordAttempts {

    private PasswordAttempts() {
    }

    /** The refusal of a sign-in during a lockout; null when the user is not locked out at {@code now}. */
    static CognitoException lockedOut(Lockout lockout, Instant now) {
        return lockout.at(now).lockedAt(now) ? SignIn.notAuthorized("Password attempts exceeded") : null;
    }

    /**
     * Records a refused password (in its own write), unless the user is gone meanwhile: during a lockout only the
     * attempt's time, else one more failure; and the failed sign-in as an auth event when the pool records them.
     */
    static void failed(SignIn signIn, String poolId, User user, Instant now, String sourceIp) {
        signIn.store().write(poolId, pool -> {
            if (pool.bySub(user.sub()) != null) {
                Lockout lockout = pool.lockout(user.sub()).at(now);
                boolean recording = ThreatProtection.recording(pool.pool());
                pool.putLockout(lockout.lockedAt(now) ? lockout.attempted(now) : lockout.failed(now));
                if (recording) {
                    pool.putAuthEvent(ThreatProtection.event(signIn.random(), user, "SignIn", "Fail", false,
                            List.of(ThreatProtection.password(false)), sourceIp, now));
                }
            }
            return null;
        });
    }
}
