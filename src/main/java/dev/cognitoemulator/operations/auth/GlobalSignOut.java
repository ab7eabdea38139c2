package dev.cognitoemulator.operations.auth;

import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.protocol.RequestContext;

/** Signs the token's user out everywhere: every refresh token, and every token minted from one, is revoked. */
public final class GlobalSignOut implements Operation<GlobalSignOut.GlobalSignOutRequest> {

    private final AccessTokens accessTokens;

    GlobalSignOut(AccessTokens accessTokens) {
        this.accessTokens = accessTokens;
    }

    public record GlobalSignOutRequest(String accessToken) {
    }

    public record GlobalSignOutResponse() {
    }

    @Override
    public Class<GlobalSignOutRequest> requestType() {
        return GlobalSignOutRequest.class;
    }

    @Override
    public Object execute(GlobalSignOutRequest request, RequestContext context) {
        return accessTokens.write(request.accessToken(), (pool, user) -> {
            pool.revokeGrants(user.sub());
            return new GlobalSignOutResponse();
        });
    }
}
