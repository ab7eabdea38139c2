package dev.cognitoemulator.operations.auth;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.RefreshGrant;
import dev.cognitoemulator.operations.clients.ClientLookup;
import dev.cognitoemulator.protocol.CognitoException;
import dev.cognitoemulator.protocol.ErrorCode;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.protocol.RequestContext;
import dev.cognitoemulator.store.UserPoolStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Revokes a refresh token and every access token minted from it. A client with a secret must send it; a
 * JWT (access or ID token) is not a token this operation takes. An unknown refresh token is answered as a
 * success, as OAuth token revocation (RFC 7009) does.
 */
public final class RevokeToken implements Operation<RevokeToken.RevokeTokenRequest> {

    private final UserPoolStore store;

    RevokeToken(UserPoolStore store) {
        this.store = store;
    }

    public record RevokeTokenRequest(String token, String clientId, String clientSecret) {
    }

    public record RevokeTokenResponse() {
    }

    @Override
    public Class<RevokeTokenRequest> requestType() {
        return RevokeTokenRequest.class;
    }

    @Override
    public Object execute(RevokeTokenRequest request, RequestContext context) {
        return store.write(store.poolOfClient(request.clientId()), pool -> {
            AppClient client = ClientLookup.find(pool, request.clientId());
            if (client.clientSecret() != null && (request.clientSecret() == null || !MessageDigest.isEqual(
                    client.clientSecret().getBytes(StandardCharsets.UTF_8),
                    request.clientSecret().getBytes(StandardCharsets.UTF_8)))) {
                // Unconfirmed text.
                throw new CognitoException(ErrorCode.UnauthorizedException, "Client authentication failed.");
            }
            if (!client.enableTokenRevocation()) {
                // Unconfirmed text.
                throw new CognitoException(ErrorCode.UnsupportedOperationException,
                        "Token revocation is not enabled for this client.");
            }
            if (request.token().chars().filter(c -> c == '.').count() == 2) {
                // Unconfirmed text.
                throw new CognitoException(ErrorCode.UnsupportedTokenTypeException,
                        "Only refresh tokens can be revoked.");
            }
            RefreshGrant grant = pool.grant(request.token());
            if (grant != null && grant.clientId().equals(client.clientId()) && !grant.revoked()) {
                pool.putGrant(grant.revoke());
            }
            return new RevokeTokenResponse();
        });
    }
}
