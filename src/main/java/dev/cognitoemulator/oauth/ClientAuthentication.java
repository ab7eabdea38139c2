package dev.cognitoemulator.oauth;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.store.UserPoolStore;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Who calls a token or revoke endpoint: {@code client_secret_basic} (HTTP Basic, RFC 6749 section 2.3.1: id and
 * secret form-encoded, then Base64) or {@code client_secret_post} ({@code client_id} and {@code client_secret} in
 * the body), both documented for Cognito's token endpoint; a public client names itself with {@code client_id}.
 * Any of a client's secrets is accepted (it may have two while one is rotated out).
 */
final class ClientAuthentication {

    /** The client, its pool and the secret it authenticated with (null for a public client). */
    record Authenticated(String poolId, AppClient client, String secret) {
    }

    private ClientAuthentication() {
    }

    /**
     * @param status the status of {@code invalid_client}: 400 at the token endpoint, 401 at the revoke endpoint
     *               (documented: developer guide, token endpoint and revoke endpoint error responses)
     */
    static Authenticated authenticate(UserPoolStore store, OAuthRequest request, int status) {
        String clientId = request.parameter("client_id");
        String secret = request.parameter("client_secret");
        String header = request.authorization();
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] basic = basic(header.substring(6).trim(), status);
            if (clientId != null && !clientId.equals(basic[0]) || secret != null) {
                // Two ways of authenticating at once (RFC 6749 section 2.3); unconfirmed for Cognito.
                throw OAuthError.of(400, "invalid_request");
            }
            clientId = basic[0];
            secret = basic[1];
        }
        if (clientId == null) {
            throw OAuthError.of(status, "invalid_client");
        }
        String poolId;
        try {
            poolId = store.poolOfClient(clientId);
        } catch (CognitoException e) {
            throw OAuthError.of(status, "invalid_client");
        }
        String id = clientId;
        AppClient client = store.read(poolId, pool -> {
            if (pool.domains().isEmpty()) {
                // Cognito serves these endpoints only at a pool's domain: without one there is nothing to call.
                throw OAuthError.of(400, "invalid_request", "The user pool " + pool.pool().id()
                        + " has no domain: Cognito serves its OAuth 2.0 endpoints at a domain"
                        + " (CreateUserPoolDomain).");
            }
            return pool.client(id);
        });
        if (client == null) {
            throw OAuthError.of(status, "invalid_client");
        }
        if (client.hasSecret() ? !client.acceptsSecret(secret) : secret != null) {
            throw OAuthError.of(status, "invalid_client");
        }
        return new Authenticated(poolId, client, secret);
    }

    private static String[] basic(String encoded, int status) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthError.of(status, "invalid_client");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw OAuthError.of(status, "invalid_client");
        }
        try {
            String id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            String secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
            return new String[] {id, secret.isEmpty() ? null : secret};
        } catch (IllegalArgumentException e) {
            throw OAuthError.of(status, "invalid_client");
        }
    }
}
