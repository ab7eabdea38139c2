package dev.cognitoemulator.operations.auth;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.RefreshGrant;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.RevokeTokenRequest;
import dev.cognitoemulator.model.RevokeTokenResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Revokes a refresh token and every access token minted from it. A client with a secret must send it; a
 * JWT (access or ID token) is not a token this operation takes. An unknown refresh token is answered as a
 * success, as OAuth token revocation (RFC 7009) does.
 */
public final class RevokeToken implements Operation<RevokeTokenRequest, RevokeTokenResponse> {

    @Override
    public RevokeTokenResponse execute(RevokeTokenRequest request, Call call) {
        return call.write(call.store().poolOfClient(request.clientId()), pool -> {
            AppClient client = pool.requireClient(request.clientId());
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
