package dev.cognitoemulator.domain;

import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;

/** Cognito's answers for what a request names and the pool does not have, each text written once. */
public final class NotFound {

    private NotFound() {
    }

    /** Captured: aws/aws-sdk-go#2436. */
    public static CognitoException pool(String poolId) {
        return new CognitoException(ErrorCode.ResourceNotFoundException, "User pool " + poolId + " does not exist.");
    }

    /** Captured: aws/aws-sdk-php#2183. */
    public static CognitoException client(String clientId) {
        return new CognitoException(ErrorCode.ResourceNotFoundException,
                "User pool client " + clientId + " does not exist.");
    }

    /** Captured: aws-amplify/amplify-cli#2214 (AdminAddUserToGroup against AWS). */
    public static CognitoException group() {
        return new CognitoException(ErrorCode.ResourceNotFoundException, "Group not found.");
    }

    /** Captured: cognito-errors.md section 2. */
    public static CognitoException user() {
        return new CognitoException(ErrorCode.UserNotFoundException, "User does not exist.");
    }

    /** Unconfirmed: AWS's text is not public; worded as the captured client one. */
    public static CognitoException identityProvider(String name) {
        return new CognitoException(ErrorCode.ResourceNotFoundException,
                "Identity provider " + name + " does not exist.");
    }
}
