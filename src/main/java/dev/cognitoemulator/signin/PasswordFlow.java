package dev.cognitoemulator.signin;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.triggers.Triggers;

/**
 * USER_PASSWORD_AUTH and ADMIN_USER_PASSWORD_AUTH: the client, the secret hash and the user checked, then the
 * password's outcome ({@link PasswordOutcome}): tokens, NEW_PASSWORD_REQUIRED or DEVICE_SRP_AUTH. An unknown user
 * may first be migrated by the pool's UserMigration trigger ({@link UserMigration}). The hosted UI's sign-in form is
 * the same flow with no explicit auth flow to allow ({@code allowFlow} null): Cognito's hosted UI signs in whatever
 * the client's ExplicitAuthFlows (unconfirmed).
 */
final class PasswordFlow implements AuthFlow {

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
        // A user the pool does not have may come from its UserMigration trigger, called outside every lock.
        Unknown unknown = signIn.store().read(attempt.poolId(), pool -> {
            AppClient client = client(pool, username, attempt);
            return UserLookup.findOrNull(pool, username) == null ? new Unknown(pool.pool(), client) : null;
        });
        if (unknown != null) {
            UserMigration.migrate(signIn.store(), signIn.triggers(), signIn.random(), attempt.now(), unknown.pool(),
                    unknown.client(), Triggers.USER_MIGRATION_AUTHENTICATION, username, password,
                    attempt.clientMetadata());
        }
        return signIn.passwords().complete(attempt, pool -> {
            AppClient client = client(pool, username, attempt);
            User user = UserLookup.findOrNull(pool, username);
            if (user == null) {
                throw unknownUser(client);
            }
            return new PasswordOutcome.Checked(SignIn.read(pool, client, user), user.hasPassword(password),
                    SignIn.namedDevice(pool, user, attempt.parameter("DEVICE_KEY")));
        }, null);
    }

    /** A sign-in of a user the pool does not have: the pool and the client, for UserMigration. */
    private record Unknown(UserPool pool, AppClient client) {
    }

    /** The client, allowing this flow (any, for the hosted UI), with the right secret hash. */
    private AppClient client(PoolView pool, String username, Attempt attempt) {
        AppClient client = pool.requireClient(attempt.clientId());
        if (allowFlow != null && !client.allows(allowFlow, legacyFlow)) {
            throw new CognitoException(ErrorCode.InvalidParameterException, notEnabled);
        }
        SecretHash.check(client, attempt.parameter("SECRET_HASH"), username);
        return client;
    }

    /** "User does not exist.", or the wrong-password text where the client hides which users exist. */
    static CognitoException unknownUser(AppClient client) {
        if (client.hidesUserExistence()) {
            return SignIn.notAuthorized(PasswordOutcome.WRONG_PASSWORD);
        }
        return new CognitoException(ErrorCode.UserNotFoundException, "User does not exist.");
    }
}
