package dev.cognitoemulator.federation;

import dev.cognitoemulator.domain.IdentityProvider;
import dev.cognitoemulator.domain.ProviderType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Where and how the emulator talks to an external provider, from its {@code ProviderDetails} as Cognito keeps them
 * ({@link dev.cognitoemulator.domain.ProviderRules} fills in the social providers' endpoints, which a user may point
 * at a local stand-in) and, for an OIDC provider that names only its {@code oidc_issuer}, the issuer's discovery
 * document (read by {@link ProviderHttp}).
 *
 * @param issuer the {@code iss} its ID tokens carry (null for the OAuth-only social providers, Facebook and
 *     Login with Amazon, whose users are read from {@code attributesUrl} alone)
 * @param jwksUri where its ID tokens' keys are (null: the provider's ID tokens are not used)
 * @param attributesUrl its userInfo (or profile) endpoint, or null
 * @param attributesMethod {@code GET} or {@code POST}
 * @param tokenMethod {@code GET} (Facebook) or {@code POST}
 * @param addAttributes whether the mapped claims' names are appended to {@code attributesUrl} (Facebook, Google)
 */
public record ProviderEndpoints(String providerName, ProviderType type, String clientId, String clientSecret,
        List<String> scopes, String authorizeUrl, String tokenUrl, String attributesUrl, String jwksUri,
        String issuer, String attributesMethod, String tokenMethod, boolean addAttributes) {

    public ProviderEndpoints {
        scopes = List.copyOf(scopes);
    }

    /** The details' keys a provider's discovery document can stand in for. */
    static final List<String> DISCOVERABLE = List.of("authorize_url", "token_url", "attributes_url", "jwks_uri");

    /**
     * The endpoints as the details give them, each missing one taken from {@code discovered} (the issuer's discovery
     * document's {@code authorization_endpoint}, {@code token_endpoint}, {@code userinfo_endpoint},
     * {@code jwks_uri}; empty when not read).
     */
    static ProviderEndpoints of(IdentityProvider provider, Map<String, String> discovered) {
        Map<String, String> d = provider.details();
        ProviderType type = provider.type();
        boolean oidc = type == ProviderType.OIDC || type == ProviderType.Google
                || type == ProviderType.SignInWithApple;
        return new ProviderEndpoints(provider.name(), type, d.get("client_id"), d.get("client_secret"),
                scopes(type, d.getOrDefault("authorize_scopes", "")),
                given(d, "authorize_url", discovered.get("authorization_endpoint")),
                given(d, "token_url", discovered.get("token_endpoint")),
                given(d, "attributes_url", discovered.get("userinfo_endpoint")),
                oidc ? given(d, "jwks_uri", discovered.get("jwks_uri")) : null,
                oidc ? d.get("oidc_issuer") : null,
                d.getOrDefault("attributes_request_method", "GET"),
                d.getOrDefault("token_request_method", "POST"),
                "true".equals(d.get("attributes_url_add_attributes")));
    }

    /** Whether the details lack an endpoint that the OIDC issuer's discovery document would give. */
    static boolean needsDiscovery(IdentityProvider provider) {
        if (provider.type() == ProviderType.Facebook || provider.type() == ProviderType.LoginWithAmazon
                || provider.details().get("oidc_issuer") == null) {
            return false;
        }
        return DISCOVERABLE.stream().anyMatch(key -> blank(provider.details().get(key)));
    }

    /**
     * The scopes to ask for: OIDC's {@code authorize_scopes} are separated by spaces, the social providers' by
     * commas or spaces (as their consoles show them: {@code public_profile, email}, {@code profile email openid}).
     */
    private static List<String> scopes(ProviderType type, String given) {
        String separators = type == ProviderType.OIDC ? " +" : "[ ,]+";
        return Arrays.stream(given.trim().split(separators)).filter(s -> !s.isEmpty()).toList();
    }

    private static String given(Map<String, String> details, String key, String discovered) {
        String value = details.get(key);
        return blank(value) ? discovered : value;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        // the client secret stays out of logs
        return "ProviderEndpoints[" + providerName + ", " + type + ", " + authorizeUrl + "]";
    }
}
