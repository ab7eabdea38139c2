package dev.cognitoemulator.errors;

/**
 * The one exception that reaches the wire: an AWS error code and its message. Thrown for expected client
 * errors, so it carries no stack trace.
 */
public class CognitoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public CognitoException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
