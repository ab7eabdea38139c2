package dev.cognitoemulator.signin;

import java.util.Map;

/** What a step of a sign-in comes to: the tokens, or the next challenge with the session that answers it. */
public record AuthResult(String challengeName, String session, Map<String, String> challengeParameters,
        Tokens tokens) {

    /** @param refreshToken null on a refresh, which gives no new refresh token */
    public record Tokens(String accessToken, int expiresIn, String tokenType, String refreshToken, String idToken) {
    }

    static AuthResult of(Tokens tokens) {
        return new AuthResult(null, null, Map.of(), tokens);
    }

    static AuthResult challenge(String name, String session, Map<String, String> parameters) {
        return new AuthResult(name, session, Map.copyOf(parameters), null);
    }
}
