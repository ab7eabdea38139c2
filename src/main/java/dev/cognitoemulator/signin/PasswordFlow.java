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
            SignIn.Read read = signIn.store().read(attempt.poolId(), pool -> {
                AppClient client = pool.requireClient(attempt.clientId());
                if (!client.allows(allowFlow, legacyFlow)) {
                    throw new CognitoException(ErrorCode.InvalidParameterException, notEnabled);
                }
                SecretHash.check(client, attempt.parameter("SECRET_HASH"), username);
                User user = UserLookup.findOrNull(pool, username);
                check(client, user, password);
                return SignIn.read(pool, client, user);
            });
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

    /** Cognito's refusals, in its order (a wrong password is not revealed to an unconfirmed user first). */
    private static void check(AppClient client, User user, String password) {
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
        if (!user.hasPassword(password)) {
            throw SignIn.notAuthorized(WRONG_PASSWORD);
        }
        if (!user.enabled()) {
            throw SignIn.notAuthorized("User is disabled.");
        }
    }
}
