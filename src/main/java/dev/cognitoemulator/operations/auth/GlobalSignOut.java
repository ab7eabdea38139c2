package dev.cognitoemulator.operations.auth;

import dev.cognitoemulator.model.GlobalSignOutRequest;
import dev.cognitoemulator.model.GlobalSignOutResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** Signs the token's user out everywhere: every refresh token, and every token minted from one, is revoked. */
public final class GlobalSignOut implements Operation<GlobalSignOutRequest, GlobalSignOutResponse> {

    @Override
    public GlobalSignOutResponse execute(GlobalSignOutRequest request, Call call) {
        return AccessTokens.write(call, request.accessToken(), (pool, user) -> {
            pool.revokeGrants(user.sub());
            return new GlobalSignOutResponse();
        });
    }
}
