package dev.cognitoemulator.oauth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An authorization request the authorization endpoint accepted (documented parameters: developer guide,
 * authorization endpoint): the client and its pool, {@code response_type} {@code code} or {@code token}, the
 * redirect URI (one of the client's CallbackURLs), the scopes granted (those asked for, or all the client allows),
 * and what the client gave to be handed back or checked: {@code state}, {@code nonce}, the PKCE challenge
 * ({@code S256}). It travels with the browser through the hosted UI's pages as their query ({@link #query()}), and
 * through a federated sign-in in {@link Authorizations}' pending store.
 *
 * @param state, nonce, codeChallenge, lang null when not given
 */
public record AuthorizationRequest(String poolId, String clientId, String responseType, String redirectUri,
        List<String> scopes, String state, String nonce, String codeChallenge, String lang) {

    public static final String CODE = "code";
    public static final String TOKEN = "token";

    public AuthorizationRequest {
        scopes = List.copyOf(scopes);
    }

    /** The implicit grant: tokens in the redirect's fragment. */
    public boolean implicit() {
        return TOKEN.equals(responseType);
    }

    /**
     * The request as the authorization endpoint's parameters, for the hosted UI's pages (Cognito's login page
     * carries them in its URL: /login?client_id=...&response_type=...&redirect_uri=...). The scopes are the granted
     * ones, so that reading them again grants the same.
     */
    public Map<String, String> query() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("client_id", clientId);
        q.put("response_type", responseType);
        q.put("scope", String.join(" ", scopes));
        q.put("redirect_uri", redirectUri);
        put(q, "state", state);
        put(q, "nonce", nonce);
        if (codeChallenge != null) {
            q.put("code_challenge", codeChallenge);
            q.put("code_challenge_method", AuthorizeEndpoint.S256);
        }
        put(q, "lang", lang);
        return q;
    }

    private static void put(Map<String, String> q, String name, String value) {
        if (value != null) {
            q.put(name, value);
        }
    }
}
