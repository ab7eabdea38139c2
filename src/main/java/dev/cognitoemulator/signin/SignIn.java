package dev.cognitoemulator.signin;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.Group;
import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.domain.PoolWrite;
import dev.cognitoemulator.domain.Randomness;
import dev.cognitoemulator.domain.RefreshGrant;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.store.UserPoolStore;
import dev.cognitoemulator.tokens.Issuer;
import dev.cognitoemulator.tokens.Keys;
import dev.cognitoemulator.tokens.TokenService;
import dev.cognitoemulator.triggers.Triggers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Sign-in, shared by InitiateAuth, AdminInitiateAuth and their RespondToAuthChallenge: auth flows and challenges
 * are handlers registered by name. Each runs read, call out, write: it reads and checks under the pool's read
 * lock, calls the triggers with no lock held, then writes (a grant, a session, a new password) re-checking what the
 * callout may have seen change; tokens are signed after the write, outside every lock.
 */
public final class SignIn {

    /** A flow by the names {@code AuthFlow} gives it, and which operations may start it. */
    private record Flow(AuthFlow handler, boolean client, boolean admin) {
    }

    private final UserPoolStore store;
    private final Keys keys;
    private final TokenService tokens;
    private final Triggers triggers;
    private final Randomness random;
    private final Issuer issuer;
    private final Map<String, Flow> flows = new HashMap<>();
    private final Map<String, ChallengeHandler> challenges = new HashMap<>();
    private final RefreshFlow refresh;

    public SignIn(UserPoolStore store, Keys keys, TokenService tokens, Triggers triggers, Randomness random,
            Issuer issuer) {
        this.store = store;
        this.keys = keys;
        this.tokens = tokens;
        this.triggers = triggers;
        this.random = random;
        this.issuer = issuer;
        // Client-side password sign-in: ALLOW_USER_PASSWORD_AUTH
        // (captured: MouncefMoe/resqtap:ENABLE_USER_PASSWORD_AUTH.md).
        flow(new PasswordFlow(this, "ALLOW_USER_PASSWORD_AUTH", "USER_PASSWORD_AUTH",
                "USER_PASSWORD_AUTH flow not enabled for this client"), true, false, "USER_PASSWORD_AUTH");
        // Server-side: ALLOW_ADMIN_USER_PASSWORD_AUTH (captured: williamoconnellpmp-source/vdc-prod-deployment).
        flow(new PasswordFlow(this, "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH",
                "Auth flow not enabled for this client"), false, true, "ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH");
        refresh = new RefreshFlow(this);
        flow(refresh, true, true, "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN");
        challenge(new NewPasswordChallenge(this));
    }

    private void flow(AuthFlow handler, boolean client, boolean admin, String... names) {
        for (String name : names) {
            flows.put(name, new Flow(handler, client, admin));
        }
    }

    private void challenge(ChallengeHandler handler) {
        challenges.put(handler.name(), handler);
    }

    /** InitiateAuth ({@code attempt.admin()} false) and AdminInitiateAuth. */
    public AuthResult initiate(String flowName, Attempt attempt) {
        requireClient(attempt);
        Flow flow = flows.get(flowName);
        if (flow == null) {
            throw new CognitoException(ErrorCode.NotImplementedException,
                    "The " + flowName + " flow is not implemented by cognito-emulator yet.");
        }
        if (attempt.admin() ? !flow.admin() : !flow.client()) {
            // Captured: awsdocs/aws-doc-sdk-examples#5289 and soto-project/soto-cognito-authentication-kit#10.
            throw new CognitoException(ErrorCode.InvalidParameterException, "Initiate Auth method not supported.");
        }
        return flow.handler().start(attempt);
    }

    /** RespondToAuthChallenge and AdminRespondToAuthChallenge. */
    public AuthResult respond(String challengeName, String sessionId, Attempt attempt) {
        requireClient(attempt);
        ChallengeHandler handler = challenges.get(challengeName);
        if (handler == null) {
            throw new CognitoException(ErrorCode.NotImplementedException,
                    "The " + challengeName + " challenge is not implemented by cognito-emulator yet.");
        }
        return handler.respond(attempt, sessionId);
    }

    /** GetTokensFromRefreshToken, with the client's refresh-token rotation. */
    public AuthResult refreshTokens(String poolId, String clientId, String refreshToken, String clientSecret,
            Instant now) {
        return refresh.tokens(poolId, clientId, refreshToken, clientSecret, now);
    }

    /** The pool and the client come first: an unknown one is answered before the flow or challenge is looked at. */
    private void requireClient(Attempt attempt) {
        store.read(attempt.poolId(), pool -> pool.requireClient(attempt.clientId()));
    }

    UserPoolStore store() {
        return store;
    }

    Triggers triggers() {
        return triggers;
    }

    Randomness random() {
        return random;
    }

    /** What a sign-in read under the pool's lock, to call out with and to mint from. */
    record Read(UserPool pool, AppClient client, User user, List<Group> groups) {
    }

    static Read read(PoolView pool, AppClient client, User user) {
        List<Group> groups = new ArrayList<>(user.groups().size());
        for (String name : user.groups()) {
            Group group = pool.group(name);
            if (group != null) {
                groups.add(group);
            }
        }
        return new Read(pool.pool(), client, user, groups);
    }

    /**
     * Writes what a sign-in decided ({@code change}), forgetting the user's failed passwords, unless the user or the client changed since {@code read}
     * (a callout ran in between): then nothing is written and the caller starts over.
     */
    boolean commit(Read read, Consumer<PoolWrite> change) {
        return store.write(read.pool().id(), pool -> {
            if (pool.bySub(read.user().sub()) != read.user()
                    || pool.client(read.client().clientId()) != read.client()) {
                return false;
            }
            PasswordAttempts.succeeded(pool, read.user(), change);
            return true;
        });
    }

    /** A sign-in starts over at most this often when its user keeps changing under it. */
    private static final int ROUNDS = 3;

    static void changedMeanwhile(int round) {
        if (round >= ROUNDS) {
            throw new IllegalStateException("the user changed under " + ROUNDS + " sign-in attempts in a row");
        }
    }

    /** A new grant (a refresh token), for a sign-in whose write is about to commit. */
    RefreshGrant newGrant(Read read, Instant now) {
        return new RefreshGrant(random.token(48), read.client().clientId(), read.user().sub(), now, random.uuid(),
                now.plus(read.client().validity().refreshTtl()), RefreshGrant.API_SCOPES, false, null);
    }

    /** The ID and access tokens of a grant, signed with the pool's key outside every lock. */
    AuthResult mint(Read read, RefreshGrant grant, Instant issuedAt, boolean withRefreshToken) {
        TokenService.Claims claims = new TokenService.Claims(issuer.of(read.pool().id()), read.pool(), read.client(),
                read.user(), read.groups(), grant.authTime(), issuedAt, grant.originJti(), random.uuid(),
                grant.scopes());
        var key = keys.of(read.pool().id());
        return AuthResult.of(new AuthResult.Tokens(tokens.accessToken(claims, key),
                (int) read.client().validity().accessTtl().getSeconds(), "Bearer",
                withRefreshToken ? grant.token() : null, tokens.idToken(claims, key)));
    }

    static CognitoException notAuthorized(String message) {
        return new CognitoException(ErrorCode.NotAuthorizedException, message);
    }
}
