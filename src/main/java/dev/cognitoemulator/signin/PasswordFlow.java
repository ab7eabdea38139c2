package dev.cognitoemulator.signin;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.RefreshGrant;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.domain.UserStatus;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import java.time.Duration;

/**
 * USER_PASSWORD_AUTH and ADMIN_USER_PASSWORD_AUTH: the password checked with Cognito's outcomes (errors and texts
 * in cognito-errors.md), then tokens or, for a temporary password, NEW_PASSWORD_REQUIRED.
 */
final class PasswordFlow implements AuthFlow {

    static final String WRONG_PASSWORD = "Incorrect username or password.";

    private final SignIn signIn;
    private final String allowFlow;
    private final String legacyFlow;
    private final String notEnabled;

    PasswordFlow(SignIn signIn, String allowFlow, String legacyFlow, String notEnabled) {
        this.signIn = signIn;
        this.allowFlow = allowFlow;
        this.legacyFlow = legacyFlow;
        this.notEnabled = notEnabled;
    }

    @Override
    public AuthResult start(Attempt attempt) {
        String username = attempt.required("USERNAME");
        String password = attempt.required("PASSWORD");
        for (int round = 1; ; round++) {
            Checked checked = signIn.store().read(attempt.poolId(), pool -> {
                AppClient client = pool.requireClient(attempt.clientId());
                if (!client.allows(allowFlow, legacyFlow)) {
                    throw new CognitoException(ErrorCode.InvalidParameterException, notEnabled);
                }
                SecretHash.check(client, attempt.parameter("SECRET_HASH"), username);
                User user = UserLookup.findOrNull(pool, username);
                check(client, user);
                boolean matched = !PasswordAttempts.lockedOut(pool, user, attempt.now()) && user.hasPassword(password);
                if (matched && !user.enabled()) {
                    throw SignIn.notAuthorized("User is disabled.");
                }
                return new Checked(SignIn.read(pool, client, user), matched);
            });
            if (!checked.matched()) {
                throw PasswordAttempts.failed(signIn, attempt.poolId(), checked.read().user(), attempt.now());
            }
            SignIn.Read read = checked.read();
            signIn.triggers().preAuthentication(read.pool(), read.client(), read.user(), attempt.clientMetadata());
            User user = read.user();
            if (user.status() == UserStatus.FORCE_CHANGE_PASSWORD) {
                Duration validity = Duration.ofDays(read.pool().settings().passwordPolicy()
                        .temporaryPasswordValidityDays());
                if (attempt.now().isAfter(user.lastModified().plus(validity))) {
                    throw SignIn.notAuthorized("Temporary password has expired and must be reset by an "
                            + "administrator.");
                }
                AuthResult challenge = NewPasswordChallenge.open(signIn, read, attempt);
                if (challenge != null) {
                    return challenge;
                }
            } else {
                RefreshGrant grant = signIn.newGrant(read, attempt.now());
                if (signIn.commit(read, pool -> pool.putGrant(grant))) {
                    signIn.triggers().postAuthentication(read.pool(), read.client(), user, attempt.clientMetadata());
                    return signIn.mint(read, grant, attempt.now(), true);
                }
            }
            SignIn.changedMeanwhile(round);
        }
    }

    /** What the read found: the sign-in, and whether the password was right. */
    private record Checked(SignIn.Read read, boolean matched) {
    }

    /**
     * Cognito's refusals before the password, in its order (a wrong password is not revealed to an unconfirmed user
     * first); then the lockout, the password, and a disabled user.
     */
    private static void check(AppClient client, User user) {
        if (user == null) {
            if (client.hidesUserExistence()) {
                throw SignIn.notAuthorized(WRONG_PASSWORD);
            }
            throw new CognitoException(ErrorCode.UserNotFoundException, "User does not exist.");
        }
        if (user.status() == UserStatus.UNCONFIRMED) {
            // Captured: jagregory/cognito-local#337 (even with a wrong password).
            throw new CognitoException(ErrorCode.UserNotConfirmedException, "User is not confirmed.");
        }
        if (user.status() == UserStatus.RESET_REQUIRED) {
            throw new CognitoException(ErrorCode.PasswordResetRequiredException,
                    "Password reset required for the user");
        }
    }
}
