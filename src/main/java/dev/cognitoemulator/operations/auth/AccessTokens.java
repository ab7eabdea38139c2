package dev.cognitoemulator.operations.auth;

import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.domain.PoolWrite;
import dev.cognitoemulator.domain.RefreshGrant;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.domain.UserStatus;
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
public final class AccessTokens {

    /** Who calls with the token: the user, and the grant (the sign-in) the token was minted from. */
    public record Caller(User user, RefreshGrant grant) {
    }

    private AccessTokens() {
    }

    /** {@link #read}, with the token's grant beside its user. */
    public static <T> T readCaller(Call call, String accessToken, BiFunction<PoolView, Caller, T> action) {
        TokenService.AccessToken token = call.services().tokens().readAccess(accessToken);
        return inPool(token, () -> call.read(token.poolId(), pool -> act(action, pool, caller(call, pool, token))));
    }

    /** {@link #write}, with the token's grant beside its user. */
    public static <T> T writeCaller(Call call, String accessToken, BiFunction<PoolWrite, Caller, T> action) {
        TokenService.AccessToken token = call.services().tokens().readAccess(accessToken);
        return inPool(token, () -> call.write(token.poolId(), pool -> act(action, pool, caller(call, pool, token))));
    }

    static <T> T read(Call call, String accessToken, BiFunction<PoolView, User, T> action) {
        TokenService.AccessToken token = call.services().tokens().readAccess(accessToken);
        return inPool(token, () -> call.read(token.poolId(), pool -> act(action, pool, user(call, pool, token))));
    }

    /** Checks the token under a read, then runs {@code action} in a write of its pool. */
    static <T> T write(Call call, String accessToken, BiFunction<PoolWrite, User, T> action) {
        TokenService.AccessToken token = call.services().tokens().readAccess(accessToken);
        return inPool(token, () -> call.write(token.poolId(), pool -> act(action, pool, user(call, pool, token))));
    }

    /**
     * A token of a pool that is gone is no longer a token (not "pool does not exist"); what the action itself
     * answers (a device that does not exist, say) is passed on as it is.
     */
    private static <T> T inPool(TokenService.AccessToken token, Supplier<T> run) {
        try {
            return run.get();
        } catch (ActionFailed e) {
            throw e.failure;
        } catch (CognitoException e) {
            if (e.code() == ErrorCode.ResourceNotFoundException) {
                throw TokenService.invalidAccessToken();
            }
            throw e;
        }
    }

    private static <P, A, T> T act(BiFunction<P, A, T> action, P pool, A argument) {
        try {
            return action.apply(pool, argument);
        } catch (CognitoException e) {
            throw new ActionFailed(e);
        }
    }

    /** The action's own answer, carried past {@link #inPool}'s look at the pool's. */
    private static final class ActionFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final transient CognitoException failure;

        ActionFailed(CognitoException failure) {
            super(null, null, false, false);
            this.failure = failure;
        }
    }

    private static User user(Call call, PoolView pool, TokenService.AccessToken token) {
        return caller(call, pool, token).user();
    }

    private static Caller caller(Call call, PoolView pool, TokenService.AccessToken token) {
        call.services().tokens().verify(token, pool.signingKey(), call.now());
        User user = pool.bySub(token.sub());
        if (user == null) {
            // A deleted user's grants went with it: its tokens name nobody (unconfirmed text).
            throw notAuthorized("User does not exist.");
        }
        RefreshGrant grant = pool.grantByOrigin(token.originJti());
        if (grant == null || grant.revoked()) {
            throw notAuthorized("Access Token has been revoked");
        }
        if (!user.enabled()) {
            throw notAuthorized("User is disabled.");
        }
        if (user.status() == UserStatus.RESET_REQUIRED) {
            // The access-token operations declare it; the sign-in text (cognito-errors.md section 8).
            throw new CognitoException(ErrorCode.PasswordResetRequiredException,
                    "Password reset required for the user");
        }
        return new Caller(user, grant);
    }

    /**
     * Works out {@code prepare(pool, user)} with no lock held (a password's SRP verifier costs milliseconds), then
     * in a write, the token checked again, puts {@code apply(user, prepared)} in the user's place; when the user
     * changed meanwhile, it starts over (a few times at most).
     */
    public static <P> User updateUser(Call call, String accessToken, BiFunction<UserPool, User, P> prepare,
            BiFunction<User, P, User> apply) {
        return Call.updateUser(() -> readCaller(call, accessToken,
                (pool, caller) -> new PoolView.Snapshot(pool.pool(), caller.user())), prepare,
                (read, change) -> writeCaller(call, accessToken,
                        (pool, caller) -> caller.user() == read.user() ? change.apply(pool) : null), apply);
    }

    private static CognitoException notAuthorized(String message) {
        return new CognitoException(ErrorCode.NotAuthorizedException, message);
    }
}
