package dev.cognitoemulator.oauth;

import dev.cognitoemulator.domain.RefreshGrant;
import dev.cognitoemulator.store.UserPoolStore;

/**
 * {@code POST /oauth2/revoke} (documented: developer guide, "Revoke endpoint"; RFC 7009): revokes a refresh token
 * and every token minted from it, as RevokeToken does. The guide's errors: 400 {@code invalid_request} when the
 * token is missing or the client has token revocation off, 400 {@code unsupported_token_type} for a token that is
 * not a refresh token, 401 {@code invalid_client} for bad client credentials; a token that is unknown, already
 * revoked or another client's is answered 200, as RFC 7009 section 2.2 asks.
 */
public final class RevokeEndpoint {

    private final UserPoolStore store;

    public RevokeEndpoint(UserPoolStore store) {
        this.store = store;
    }

    public void revoke(OAuthRequest request) {
        String token = request.parameter("token");
        if (token == null) {
            throw OAuthError.of(400, "invalid_request");
        }
        ClientAuthentication.Authenticated caller = ClientAuthentication.authenticate(store, request, 401);
        if (!caller.client().enableTokenRevocation()) {
            throw OAuthError.of(400, "invalid_request");
        }
        if (token.chars().filter(c -> c == '.').count() == 2) {
            // A JWT: an access or ID token.
            throw OAuthError.of(400, "unsupported_token_type");
        }
        String clientId = caller.client().clientId();
        store.write(caller.poolId(), pool -> {
            RefreshGrant grant = pool.grant(token);
            if (grant != null && grant.clientId().equals(clientId) && !grant.revoked()) {
                pool.putGrant(grant.revoke());
            }
            return null;
        });
    }
}
