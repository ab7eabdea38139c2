package dev.cognitoemulator.protocol;

/**
 * Every error the emulator puts on the wire: the constant's name is the AWS error code ({@code __type}),
 * the field its HTTP status. Cognito answers every client error with 400; only the emulator's own
 * front-door conditions (not implemented, body too large, wrong method) use other statuses.
 */
public enum ErrorCode {
    // Front door (AWS JSON protocol, authentication)
    UnknownOperationException(400),
    SerializationException(400),
    MissingAuthenticationTokenException(400),
    IncompleteSignatureException(400),
    InvalidSignatureException(400),
    UnrecognizedClientException(400),
    NotImplementedException(501),
    RequestEntityTooLargeException(413),
    MethodNotAllowedException(405),
    InternalErrorException(500),

    // Cognito
    InvalidParameterException(400),
    ResourceNotFoundException(400),
    UserNotFoundException(400),
    UsernameExistsException(400),
    AliasExistsException(400),
    GroupExistsException(400),
    InvalidPasswordException(400),
    NotAuthorizedException(400),
    UnsupportedUserStateException(400),
    UserNotConfirmedException(400),
    PasswordResetRequiredException(400),
    UnauthorizedException(400),
    UnsupportedOperationException(400),
    UnsupportedTokenTypeException(400);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
