package dev.cognitoemulator.operations.auth;

import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.domain.PoolWrite;
import dev.cognitoemulator.domain.RefreshGrant;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.tokens.TokenService;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The operations a user calls with an access token: the token is read, checked against its pool's key and the
 * time, then its grant must not be revoked ({@code Access Token has been revoked}, captured:
 * aws-amplify/amplify-js#3540) and its user must exist and be enabled.
 */
final class AccessTokens {

    private AccessTokens() {
    }

    static <T> T read(Call call, String accessToken, BiFunction<PoolView, User, T> action) {
        TokenService.AccessToken token = call.services().tokens().readAccess(accessToken);
        return inPool(token, () -> call.read(token.poolId(), pool -> action.apply(pool, user(call, pool, token))));
    }

    /** Checks the token under a read, then runs {@code action} in a write of its pool. */
    static <T> T write(Call call, String accessToken, BiFunction<PoolWrite, User, T> action) {
        TokenService.AccessToken token = call.services().tokens().readAccess(accessToken);
        return inPool(token, () -> call.write(token.poolId(), pool -> action.apply(pool, user(call, pool, token))));
    }

    /**
     * A token of a pool that is gone is no longer a token (not "pool does not exist"); the actions themselves
     * name nothing that could be missing.
     */
    private static <T> T inPool(TokenService.AccessToken token, Supplier<T> run) {
        try {
            return run.get();
        } catch (CognitoException e) {
            if (e.code() == ErrorCode.ResourceNotFoundException) {
                throw TokenService.invalidAccessToken();
            }
            throw e;
        }
    }

    private static User user(Call call, PoolView pool, TokenService.AccessToken token) {
        call.services().tokens().verify(token, pool.signingKey(), call.now());
        RefreshGrant grant = pool.grantByOrigin(token.originJti());
        if (grant == null || grant.revoked()) {
            throw notAuthorized("Access Token has been revoked");
        }
        User user = pool.bySub(token.sub());
        if (user == null) {
            throw notAuthorized("User does not exist.");
        }
        if (!user.enabled()) {
            throw notAuthorized("User is disabled.");
        }
        return user;
    }

    private static CognitoException notAuthorized(String message) {
        return new CognitoException(ErrorCode.NotAuthorizedException, message);
    }
}
