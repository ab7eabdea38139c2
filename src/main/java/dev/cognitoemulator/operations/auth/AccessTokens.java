package dev.cognitoemulator.operations.auth;

import dev.cognitoemulator.domain.PoolTable;
import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.domain.RefreshGrant;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.store.UserPoolStore;
import dev.cognitoemulator.tokens.TokenService;
import java.util.function.BiFunction;

/**
 * The operations a user calls with an access token: the token is verified, then its grant must not be revoked
 * ({@code Access Token has been revoked}, captured: aws-amplify/amplify-js#3540) and its user must exist.
 */
final class AccessTokens {

    private final UserPoolStore store;
    private final TokenService tokens;

    AccessTokens(UserPoolStore store, TokenService tokens) {
        this.store = store;
        this.tokens = tokens;
    }

    /** Runs {@code action} in a write of the token's pool, with the token's user. */
    <T> T write(String accessToken, BiFunction<PoolTable, User, T> action) {
        TokenService.AccessClaims claims = tokens.verifyAccess(accessToken);
        return store.write(claims.poolId(), pool -> action.apply(pool, user(pool, claims)));
    }

    <T> T read(String accessToken, BiFunction<PoolView, User, T> action) {
        TokenService.AccessClaims claims = tokens.verifyAccess(accessToken);
        return store.read(claims.poolId(), pool -> action.apply(pool, user(pool, claims)));
    }

    private static User user(PoolView pool, TokenService.AccessClaims claims) {
        RefreshGrant grant = pool.grantByOrigin(claims.originJti());
        if (grant == null || grant.revoked()) {
            throw Authenticator.notAuthorized("Access Token has been revoked");
        }
        User user = pool.bySub(claims.sub());
        if (user == null) {
            throw Authenticator.notAuthorized("User does not exist.");
        }
        if (!user.enabled()) {
            throw Authenticator.notAuthorized("User is disabled.");
        }
        return user;
    }
}
