package dev.cognitoemulator.signin;

import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import java.time.Instant;
import java.util.Map;

/**
 * One step of a sign-in as an operation asks for it: the pool and client, whether it came through an admin (SigV4)
 * operation, its parameters ({@code AuthParameters} or {@code ChallengeResponses}), client metadata, the time and
 * the client's address (null when unknown; a device keeps the last one).
 *
 * @param hostedUi a step of the hosted UI's sign-in: its success is the user signed in ({@link
 *                 AuthResult#authenticated()}), not tokens, and it neither makes a refresh token nor remembers a
 *                 device; the authorization it completes mints the tokens
 */
public record Attempt(String poolId, String clientId, boolean admin, Map<String, String> parameters,
        Map<String, String> clientMetadata, Instant now, String sourceIp, boolean hostedUi) {

    public Attempt {
        parameters = parameters == null ? Map.of() : parameters;
        clientMetadata = clientMetadata == null ? Map.of() : clientMetadata;
    }

    /** A step through the API (InitiateAuth, RespondToAuthChallenge and their admin forms). */
    public Attempt(String poolId, String clientId, boolean admin, Map<String, String> parameters,
            Map<String, String> clientMetadata, Instant now, String sourceIp) {
        this(poolId, clientId, admin, parameters, clientMetadata, now, sourceIp, false);
    }

    String parameter(String name) {
        return parameters.get(name);
    }

    /** Cognito's text for a missing parameter (captured: cognito-errors.md section 8). */
    String required(String name) {
        String value = parameters.get(name);
        if (value == null) {
            throw new CognitoException(ErrorCode.InvalidParameterException, "Missing required parameter " + name);
        }
        return value;
    }
}
