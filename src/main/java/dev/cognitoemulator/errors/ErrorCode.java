package dev.cognitoemulator.errors;

/**
 * Every error the emulator reports, as data: the constant's name is the AWS error code ({@code __type}). How an
 * error looks on the wire (status, body shape) is the business of each surface's renderer in {@code http}; Cognito
 * answers every client error with 400.
 */
public enum ErrorCode {
    // Front door: the AWS JSON protocol and request authentication
    UnknownOperationException,
    SerializationException,
    MissingAuthenticationTokenException,
    IncompleteSignatureException,
    InvalidSignatureException,
    UnrecognizedClientException,
    NotImplementedException,
    RequestEntityTooLargeException,
    MethodNotAllowedException,
    /** The emulator's control API, when it is off. */
    AccessDeniedException,
    InternalErrorException,

    // Cognito's own (every one is an exception shape of the service model)
    InvalidParameterException,
    ResourceNotFoundException,
    UserNotFoundException,
    UsernameExistsException,
    AliasExistsException,
    GroupExistsException,
    DuplicateProviderException,
    InvalidPasswordException,
    NotAuthorizedException,
    UnsupportedUserStateException,
    UserNotConfirmedException,
    PasswordResetRequiredException,
    UnauthorizedException,
    UnsupportedOperationException,
    UnsupportedTokenTypeException,
    CodeMismatchException,
    ExpiredCodeException,
    LimitExceededException,
    RefreshTokenReuseException,
    DeviceKeyExistsException,
    EnableSoftwareTokenMFAException,
    SoftwareTokenMFANotFoundException,
    FeatureUnavailableInTierException,
    UserPoolAddOnNotEnabledException,
    TooManyRequestsException,
    ServiceQuotaExceededException,
    OperationNotEnabledException,
    ScopeDoesNotExistException,
    WebAuthnNotEnabledException,
    WebAuthnChallengeNotFoundException,
    WebAuthnClientMismatchException,
    WebAuthnOriginNotAllowedException,
    WebAuthnRelyingPartyMismatchException,
    WebAuthnCredentialNotSupportedException,
    ManagedLoginBrandingExistsException,
    TermsExistsException,
    PreconditionNotMetException,
    // A pool's Lambda triggers: the function failed, answered nonsense, or could not be called
    UserLambdaValidationException,
    InvalidLambdaResponseException,
    UnexpectedLambdaException
}
