package dev.cognitoemulator.domain;

import java.util.List;

/**
 * An app client's OAuth 2.0 settings, as CreateUserPoolClient and UpdateUserPoolClient give them; each list is null
 * when the request left it out.
 */
public record OAuthSettings(List<String> allowedFlows, List<String> allowedScopes, boolean allowedFlowsUserPoolClient,
        List<String> callbackUrls, List<String> logoutUrls, String defaultRedirectUri,
        List<String> supportedIdentityProviders) {

    public OAuthSettings {
        allowedFlows = copy(allowedFlows);
        allowedScopes = copy(allowedScopes);
        callbackUrls = copy(callbackUrls);
        logoutUrls = copy(logoutUrls);
        supportedIdentityProviders = copy(supportedIdentityProviders);
    }

    static List<String> copy(List<String> values) {
        return values == null ? null : List.copyOf(values);
    }
}
