package dev.cognitoemulator.operations.auth;

import dev.cognitoemulator.model.GetTokensFromRefreshTokenRequest;
import dev.cognitoemulator.model.GetTokensFromRefreshTokenResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.signin.AuthResult;

/**
 * New tokens from a refresh token (Amplify v6 refreshes with it), rotating the refresh token when the client's
 * RefreshTokenRotation is ENABLED; a device's refresh token must name its device (DeviceKey), as REFRESH_TOKEN_AUTH's
 * DEVICE_KEY.
 */
public final class GetTokensFromRefreshToken
        implements Operation<GetTokensFromRefreshTokenRequest, GetTokensFromRefreshTokenResponse> {

    @Override
    public GetTokensFromRefreshTokenResponse execute(GetTokensFromRefreshTokenRequest request, Call call) {
        AuthResult result = call.services().signIn().refreshTokens(call.store().poolOfClient(request.clientId()),
                request.clientId(), request.refreshToken(), request.clientSecret(), request.deviceKey(),
                request.clientMetadata(), call.now());
        return new GetTokensFromRefreshTokenResponse(AuthResults.tokens(result));
    }
}
