package dev.cognitoemulator.operations.auth;

import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.store.UserPoolStore;
import dev.cognitoemulator.tokens.TokenService;
import java.time.Clock;
import java.util.List;

/** Sign-in, tokens and passwords: the operations sharing one {@link Authenticator}. */
public final class AuthOperations {

    private AuthOperations() {
    }

    public static List<Operation<?>> all(UserPoolStore store, TokenService tokens, Clock clock) {
        Authenticator authenticator = new Authenticator(tokens, clock);
        AccessTokens accessTokens = new AccessTokens(store, tokens);
        return List.of(
                new InitiateAuth(store, authenticator),
                new AdminInitiateAuth(store, authenticator),
                new RespondToAuthChallenge(store, authenticator),
                new AdminRespondToAuthChallenge(store, authenticator),
                new GetUser(accessTokens),
                new GlobalSignOut(accessTokens),
                new AdminUserGlobalSignOut(store),
                new RevokeToken(store),
                new AdminSetUserPassword(store, clock),
                new AdminResetUserPassword(store, clock));
    }
}
