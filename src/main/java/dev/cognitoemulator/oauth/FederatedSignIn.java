package dev.cognitoemulator.oauth;

import java.time.Instant;
import java.util.Map;

/**
 * Where the authorization endpoint sends a request that names an external identity provider
 * ({@code identity_provider} other than {@code COGNITO}, or {@code idp_identifier}): the provider's sign-in page;
 * and the provider's answer at {@code /oauth2/idpresponse}. The federated sign-in keeps the request with
 * {@link Authorizations#pend} across the round trip and finishes it with {@link Authorizations#complete}.
 */
public interface FederatedSignIn {

    /** No external providers: every one is unknown, and so is every answer. */
    FederatedSignIn NONE = new FederatedSignIn() {
        @Override
        public String start(AuthorizationRequest request, String identityProvider, String idpIdentifier,
                Instant now) {
            return null;
        }

        @Override
        public Authorizations.Completion complete(Map<String, String> answer, Instant now) {
            throw unknownAnswer();
        }
    };

    /**
     * The URL of the provider's sign-in page for {@code request}; null when the pool has no provider by that name or
     * identifier (the authorization endpoint then refuses the request as Cognito refuses an unknown provider).
     *
     * @param identityProvider the {@code identity_provider} parameter, or null
     * @param idpIdentifier the {@code idp_identifier} parameter, or null
     */
    String start(AuthorizationRequest request, String identityProvider, String idpIdentifier, Instant now);

    /**
     * The provider's answer ({@code code} and {@code state}, or {@code error}, from the query or a
     * {@code form_post}) finishing the request the state names. An {@link AuthorizationError} when it does not: an
     * error page for a state that is unknown, spent or expired ({@link #unknownAnswer}), else a redirect to the app.
     */
    Authorizations.Completion complete(Map<String, String> answer, Instant now);

    /** Unconfirmed: Cognito's answer to an unknown or expired state is not public. */
    static AuthorizationError unknownAnswer() {
        return AuthorizationError.page("invalid_request", "The sign-in at the identity provider is unknown or has"
                + " expired; start again from the app.", null);
    }
}
