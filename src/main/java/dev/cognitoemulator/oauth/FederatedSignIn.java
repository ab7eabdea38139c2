package dev.cognitoemulator.oauth;

import java.time.Instant;

/**
 * Where the authorization endpoint sends a request that names an external identity provider
 * ({@code identity_provider} other than {@code COGNITO}, or {@code idp_identifier}): the provider's sign-in page.
 * The federated sign-in keeps the request with {@link Authorizations#pend} across the round trip and finishes it
 * with {@link Authorizations#complete}.
 */
public interface FederatedSignIn {

    /** No external providers: every one is unknown. */
    FederatedSignIn NONE = (request, identityProvider, idpIdentifier, now) -> null;

    /**
     * The URL of the provider's sign-in page for {@code request}; null when the pool has no provider by that name or
     * identifier (the authorization endpoint then refuses the request as Cognito refuses an unknown provider).
     *
     * @param identityProvider the {@code identity_provider} parameter, or null
     * @param idpIdentifier the {@code idp_identifier} parameter, or null
     */
    String start(AuthorizationRequest request, String identityProvider, String idpIdentifier, Instant now);
}
