package dev.cognitoemulator.signin;

import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import java.time.Instant;
import java.util.Map;

/**
 * One step of a sign-in as an operation asks for it: the pool and client, whether it came through an admin (SigV4)
 * operation, its parameters ({@code AuthParameters} or {@code ChallengeResponses}), client metadata, the time and
 * the client's address (null when unknown; a device keeps the last one).
 */
public record Attempt(String poolId, String clientId, boolean admin, Map<String, String> parameters,
        Map<String, String> clientMetadata, Instant now, String sourceIp) {

    public Attempt {
        parameters = parameters == null ? Map.of() : parameters;
        clientMetadata = clientMetadata == null ? Map.of() : clientMetadata;
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
