package dev.cognitoemulator.oauth;

/**
 * The authorization endpoint's refusal, in one of Cognito's two ways (documented: developer guide, authorization
 * endpoint): when the client or the redirect URI cannot be trusted, an error page of the hosted UI and never a
 * redirect ({@code redirectUri} null; {@code error} such as {@code redirect_mismatch} names it on the page's URL,
 * as Cognito's {@code /error?error=redirect_mismatch&client_id=...}: captured, aws/aws-aspnet-cognito-identity-
 * provider#167); otherwise a redirect to the client's redirect URI with {@code error} (and {@code state}).
 *
 * @param fragment the implicit grant's errors go in the URL's fragment (RFC 6749 section 4.2.2.1), the others in
 *                 its query
 */
public final class AuthorizationError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String error;
    private final String description;
    private final String clientId;
    private final String redirectUri;
    private final String state;
    private final boolean fragment;

    private AuthorizationError(String error, String description, String clientId, String redirectUri, String state,
            boolean fragment) {
        super(error + (description == null ? "" : ": " + description), null, false, false);
        this.error = error;
        this.description = description;
        this.clientId = clientId;
        this.redirectUri = redirectUri;
        this.state = state;
        this.fragment = fragment;
    }

    /** An error page: the client or its redirect URI is not to be trusted. */
    public static AuthorizationError page(String error, String description, String clientId) {
        return new AuthorizationError(error, description, clientId, null, null, false);
    }

    /** A redirect to the request's redirect URI with {@code error}. */
    public static AuthorizationError redirect(AuthorizationRequest request, String error, String description) {
        return new AuthorizationError(error, description, request.clientId(), request.redirectUri(),
                request.state(), request.implicit());
    }

    static AuthorizationError redirect(String redirectUri, String state, boolean fragment, String clientId,
            String error, String description) {
        return new AuthorizationError(error, description, clientId, redirectUri, state, fragment);
    }

    public String error() {
        return error;
    }

    /** Null when Cognito sends the code alone. */
    public String description() {
        return description;
    }

    /** The client the request named (null when it named none). */
    public String clientId() {
        return clientId;
    }

    /** Null for an error page. */
    public String redirectUri() {
        return redirectUri;
    }

    /** Where the browser goes: the redirect URI with the error; null for an error page. */
    public String location() {
        if (redirectUri == null) {
            return null;
        }
        Redirects.Builder b = Redirects.to(redirectUri, fragment);
        if (description != null) {
            b.add("error_description", description);
        }
        b.add("error", error);
        if (state != null) {
            b.add("state", state);
        }
        return b.build();
    }
}
