package dev.cognitoemulator.signin;

import dev.cognitoemulator.domain.ChallengeResult;
import dev.cognitoemulator.domain.Device;
import dev.cognitoemulator.domain.Lockout;
import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.domain.PoolWrite;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserStatus;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one path after a password was checked, by USER_PASSWORD_AUTH / ADMIN_USER_PASSWORD_AUTH (the password itself)
 * or PASSWORD_VERIFIER (the SRP proof of it): Cognito's refusals in its order (errors and texts in
 * cognito-errors.md), then PreAuthentication, then NEW_PASSWORD_REQUIRED for a temporary password, DEVICE_SRP_AUTH
 * for a remembered device (which skips MFA), the MFA challenge the pool and user call for ({@link SecondFactor}), or
 * the tokens. A wrong password is counted and refused in {@link #complete}, in one place,
 * with the lockout it leads to ({@link PasswordAttempts}).
 */
final class PasswordOutcome {

    static final String WRONG_PASSWORD = "Incorrect username or password.";

    /**
     * What a flow read and checked under the pool's read lock.
     *
     * @param device the user's known device the sign-in names ({@code DEVICE_KEY}), or null
     * @param custom the challenges so far of a CUSTOM_AUTH sign-in that verifies the password first, which goes on
     *               to DefineAuthChallenge ({@link CustomChallenge}); null for the other flows
     */
    record Checked(SignIn.Read read, boolean passwordMatches, Device device, List<ChallengeResult> custom) {

        Checked(SignIn.Read read, boolean passwordMatches, Device device) {
            this(read, passwordMatches, device, null);
        }
    }

    private final SignIn signIn;

    PasswordOutcome(SignIn signIn) {
        this.signIn = signIn;
    }

    /**
     * Runs {@code check} under the pool's read lock (it throws what comes before the password: the client, the
     * secret hash, an unknown user, a bad session, an unknown device), then Cognito's outcome. {@code spend} is what
     * the write must also do whatever the outcome (an SRP challenge spends its session; it reads first, then
     * changes); null for nothing. The user changing under a callout starts the sign-in over.
     */
    AuthResult complete(Attempt attempt, Function<PoolView, Checked> check, Consumer<PoolWrite> spend) {
        for (int round = 1; ; round++) {
            Locked locked = signIn.store().read(attempt.poolId(), pool -> {
                Checked checked = check.apply(pool);
                return new Locked(checked, pool.lockout(checked.read().user().sub()));
            });
            Checked checked = locked.checked();
            SignIn.Read read = checked.read();
            // A wrong password is not revealed to an unconfirmed user first; in a lockout not even a right one counts.
            CognitoException refusal = statusRefusal(read.user());
            if (refusal == null) {
                CognitoException lockedOut = PasswordAttempts.lockedOut(locked.lockout(), attempt.now());
                if (lockedOut != null || !checked.passwordMatches()) {
                    PasswordAttempts.failed(signIn, attempt.poolId(), read.user(), attempt.now(), attempt.sourceIp());
                    refusal = lockedOut != null ? lockedOut : SignIn.notAuthorized(WRONG_PASSWORD);
                }
            }
            if (refusal == null) {
                refusal = afterPassword(read, attempt.now());
            }
            if (refusal != null) {
                if (spend != null) {
                    signIn.store().write(attempt.poolId(), pool -> {
                        spend.accept(pool);
                        return null;
                    });
                }
                throw refusal;
            }
            AuthResult result;
            if (checked.custom() != null) {
                // PreAuthentication ran when the custom sign-in started.
                result = CustomChallenge.passwordVerified(signIn, read, attempt, checked.custom(), spend);
            } else {
                signIn.triggers().preAuthentication(read.pool(), read.client(), read.user(),
                        attempt.clientMetadata());
                result = next(read, attempt, checked.device(), spend);
            }
            if (result != null) {
                return result;
            }
            SignIn.changedMeanwhile(round);
        }
    }

    /**
     * The refusals that come before the password, whatever it is: an unconfirmed user (captured:
     * jagregory/cognito-local#337, even with a wrong password), a user whose password was reset. Null otherwise.
     */
    static CognitoException statusRefusal(User user) {
        if (user.status() == UserStatus.UNCONFIRMED) {
            return new CognitoException(ErrorCode.UserNotConfirmedException, "User is not confirmed.");
        }
        if (user.status() == UserStatus.RESET_REQUIRED) {
            return new CognitoException(ErrorCode.PasswordResetRequiredException,
                    "Password reset required for the user");
        }
        return null;
    }

    /** A check's findings, with the user's failed passwords as the same read saw them. */
    private record Locked(Checked checked, Lockout lockout) {
    }

    /** The refusals of a right password: a disabled user, an expired temporary password. Null otherwise. */
    private static CognitoException afterPassword(SignIn.Read read, Instant now) {
        User user = read.user();
        if (!user.enabled()) {
            return SignIn.notAuthorized("User is disabled.");
        }
        if (user.status() == UserStatus.FORCE_CHANGE_PASSWORD) {
            Duration validity = Duration.ofDays(read.pool().settings().passwordPolicy()
                    .temporaryPasswordValidityDays());
            if (now.isAfter(user.lastModified().plus(validity))) {
                return SignIn.notAuthorized("Temporary password has expired and must be reset by an administrator.");
            }
        }
        return null;
    }

    /** The next step of an accepted password; null when the user changed meanwhile. */
    private AuthResult next(SignIn.Read read, Attempt attempt, Device device, Consumer<PoolWrite> spend) {
        if (read.user().status() == UserStatus.FORCE_CHANGE_PASSWORD) {
            return NewPasswordChallenge.open(signIn, read, attempt, spend);
        }
        if (device != null && device.signsInBySrp()) {
            return DeviceSrpChallenge.open(signIn, read, attempt, device, spend);
        }
        SecondFactor.Need mfa = SecondFactor.need(read.pool(), read.user());
        if (mfa != null) {
            return SecondFactor.open(signIn, read, read.user(), attempt, mfa, spend);
        }
        return signIn.signedIn(read, attempt, device, spend);
    }
}
