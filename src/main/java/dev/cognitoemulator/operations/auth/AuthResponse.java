package dev.cognitoemulator.operations.auth;

import java.util.Map;

/**
 * The answer of InitiateAuth, AdminInitiateAuth, RespondToAuthChallenge and AdminRespondToAuthChallenge:
 * tokens, or the next challenge with its session.
 */
public record AuthResponse(String challengeName, String session, Map<String, String> challengeParameters,
        AuthenticationResultType authenticationResult) {

    public record AuthenticationResultType(String accessToken, Integer expiresIn, String tokenType,
            String refreshToken, String idToken) {
    }

    static AuthResponse tokens(AuthenticationResultType result) {
        return new AuthResponse(null, null, Map.of(), result);
    }
}
