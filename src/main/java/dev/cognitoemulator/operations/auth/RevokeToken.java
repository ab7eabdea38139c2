package dev.cognitoemulator.operations.auth;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.RefreshGrant;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.RevokeTokenRequest;
import dev.cognitoemulator.model.RevokeTokenResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/**
 * Revokes a refresh token and every access token minted from it. A client with a secret must send it; a
 * JWT (access or ID token) is not a token this operation takes. An unknown refresh token is answered as a
 * success, as OAuth token revocation (RFC 7009) does.
 */
public final class RevokeToken implements Operation<RevokeTokenRequest, RevokeTokenResponse> {

    /** Unconfirmed text. */
    private static final String CLIENT_AUTHENTICATION_FAILED = "Client authentication failed.";

    @Override
    public RevokeTokenResponse execute(RevokeTokenRequest request, Call call) {
        String poolId;
        try {
            poolId = call.store().poolOfClient(request.clientId());
        } catch (CognitoException e) {
            // The model lists no ResourceNotFoundException for RevokeToken: an unknown client fails its
            // authentication, as OAuth's revocation endpoint answers invalid_client (RFC 7009). Unconfirmed text.
            throw new CognitoException(ErrorCode.UnauthorizedException, CLIENT_AUTHENTICATION_FAILED);
        }
        return call.write(poolId, pool -> {
            AppClient client = pool.client(request.clientId());
            if (client == null) {
                throw new CognitoException(ErrorCode.UnauthorizedException, CLIENT_AUTHENTICATION_FAILED);
            }
            if (client.hasSecret() && !client.acceptsSecret(request.clientSecret())) {
                throw new CognitoException(ErrorCode.UnauthorizedException, CLIENT_AUTHENTICATION_FAILED);
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
