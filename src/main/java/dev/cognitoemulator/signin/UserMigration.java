package dev.cognitoemulator.signin;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.AttributeRules;
import dev.cognitoemulator.domain.Attributes;
import dev.cognitoemulator.domain.Credentials;
import dev.cognitoemulator.domain.MfaSettings;
import dev.cognitoemulator.domain.Randomness;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.domain.UserStatus;
import dev.cognitoemulator.domain.Usernames;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.store.UserPoolStore;
import dev.cognitoemulator.triggers.Triggers;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user the pool does not have, brought in by its UserMigration trigger (password sign-in and ForgotPassword;
 * documented: user-pool-lambda-migrate-user.html, which SRP sign-in does not call since it sends no password):
 * the function is called outside every lock, then the user is written with the attributes and status it returned
 * (the password signed in with, for {@code CONFIRMED}; none for {@code RESET_REQUIRED}), re-checking that no user of
 * that name appeared meanwhile. The caller then goes on as if the user had always been there.
 */
public final class UserMigration {

    private UserMigration() {
    }

    /**
     * Migrates {@code username} if the pool has no such user and its UserMigration knows one; answers whether the
     * pool has the user now.
     *
     * @param password the password signed in with; null for ForgotPassword
     */
    public static boolean migrate(UserPoolStore store, Triggers triggers, Randomness random, Instant now,
            UserPool pool, AppClient client, String source, String username, String password,
            Map<String, String> clientMetadata) {
        if (pool.settings().lambdaConfig() == null || pool.settings().lambdaConfig().userMigration() == null) {
            return false;
        }
        Triggers.Migration migration = triggers.userMigration(pool, client, source, username, password,
                clientMetadata);
        if (migration == null) {
            return false;
        }
        Map<String, String> given = new LinkedHashMap<>(migration.userAttributes());
        given.remove("sub");
        Usernames.Identity identity = Usernames.identify(pool, username, given, random.uuid());
        boolean confirmed = "CONFIRMED".equals(migration.finalUserStatus()) && password != null;
        Credentials credentials = confirmed ? Credentials.of(pool.id(), identity.username(), password, random) : null;
        return store.write(pool.id(), users -> {
            UserPool current = users.pool();
            if (users.byUsernameKey(UserLookup.usernameKey(current, identity.username())) != null) {
                return true;
            }
            AttributeRules.forCreate(current, identity.values());
            Map<String, String> all = new LinkedHashMap<>();
            all.put("sub", identity.sub());
            all.putAll(identity.values());
            User user = new User(identity.username(), identity.sub(), Attributes.of(all),
                    confirmed ? UserStatus.CONFIRMED : UserStatus.RESET_REQUIRED, true, now, now, credentials,
                    List.of(), MfaSettings.NONE);
            UserLookup.AliasConflict conflict = UserLookup.aliasConflict(users, user);
            if (conflict != null) {
                if (!migration.forceAliasCreation()) {
                    // Unconfirmed: the alias text of the other operations that refuse a taken alias.
                    throw new CognitoException(ErrorCode.AliasExistsException, conflict.aliasExistsMessage());
                }
                User previous = conflict.owner();
                users.put(previous.withAttributes(previous.attributes().with(conflict.attribute() + "_verified",
                        "false"), now));
            }
            users.put(user);
            return true;
        });
    }
}
