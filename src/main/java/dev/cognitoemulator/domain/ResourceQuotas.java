package dev.cognitoemulator.domain;

import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;

/**
 * Cognito's quotas on the number of a pool's resources that are not kept with the resource's own rules (documented:
 * developer guide, "Quotas in Amazon Cognito", resource quotas: app clients per user pool 1,000, groups per user pool
 * 10,000, identity providers per user pool 300, groups a user belongs to 100). Each is refused with
 * {@code LimitExceededException}, except a user's groups: AdminAddUserToGroup declares no LimitExceededException, so
 * that one is {@code InvalidParameterException}. The texts are unconfirmed.
 */
public final class ResourceQuotas {

    public static final int CLIENTS_PER_POOL = 1_000;
    public static final int GROUPS_PER_POOL = 10_000;
    public static final int IDENTITY_PROVIDERS_PER_POOL = 300;
    public static final int GROUPS_PER_USER = 100;

    private ResourceQuotas() {
    }

    public static void oneMoreClient(PoolView pool) {
        check(pool.clientCount(), CLIENTS_PER_POOL, "A user pool can have at most " + CLIENTS_PER_POOL
                + " app clients.");
    }

    public static void oneMoreGroup(PoolView pool) {
        check(pool.groupCount(), GROUPS_PER_POOL, "A user pool can have at most " + GROUPS_PER_POOL + " groups.");
    }

    public static void oneMoreIdentityProvider(PoolView pool) {
        check(pool.identityProviderCount(), IDENTITY_PROVIDERS_PER_POOL, "A user pool can have at most "
                + IDENTITY_PROVIDERS_PER_POOL + " identity providers.");
    }

    public static void oneMoreGroupOf(User user) {
        if (user.groups().size() >= GROUPS_PER_USER) {
            throw new CognitoException(ErrorCode.InvalidParameterException, "A user can be a member of at most "
                    + GROUPS_PER_USER + " groups.");
        }
    }

    private static void check(int count, int max, String message) {
        if (count >= max) {
            throw new CognitoException(ErrorCode.LimitExceededException, message);
        }
    }
}
