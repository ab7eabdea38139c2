package dev.cognitoemulator.oauth;

/**
 * An OAuth 2.0 endpoint's refusal: the HTTP status, the RFC 6749 / RFC 6750 / RFC 7009 error code and, where Cognito
 * sends one, its description. {@code bearer} refusals (the userInfo endpoint's) are also told in a
 * {@code WWW-Authenticate} header, as RFC 6750 section 3 asks and Cognito's userInfo answers show.
 */
public final class OAuthError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;
    private final String description;
    private final boolean bearer;

    private OAuthError(int status, String error, String description, boolean bearer) {
        super(error + (description == null ? "" : ": " + description), null, false, false);
        this.status = status;
        this.error = error;
        this.description = description;
        this.bearer = bearer;
    }

    /** A token or revocation endpoint's refusal. */
    public static OAuthError of(int status, String error) {
        return new OAuthError(status, error, null, false);
    }

    public static OAuthError of(int status, String error, String description) {
        return new OAuthError(status, error, description, false);
    }

    /** A userInfo refusal, with its {@code WWW-Authenticate} header. */
    public static OAuthError bearer(int status, String error, String description) {
        return new OAuthError(status, error, description, true);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    /** Null when Cognito sends the code alone. */
    public String description() {
        return description;
    }

    public boolean bearer() {
        return bearer;
    }
}
