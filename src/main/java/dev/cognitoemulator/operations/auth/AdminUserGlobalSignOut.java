package dev.cognitoemulator.operations.auth;

import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.protocol.RequestContext;
import dev.cognitoemulator.store.UserPoolStore;

/** Signs a user out everywhere (SigV4): every refresh token, and every token minted from one, is revoked. */
public final class AdminUserGlobalSignOut implements Operation<AdminUserGlobalSignOut.AdminUserGlobalSignOutRequest> {

    private final UserPoolStore store;

    AdminUserGlobalSignOut(UserPoolStore store) {
        this.store = store;
    }

    public record AdminUserGlobalSignOutRequest(String userPoolId, String username) {
    }

    public record AdminUserGlobalSignOutResponse() {
    }

    @Override
    public Class<AdminUserGlobalSignOutRequest> requestType() {
        return AdminUserGlobalSignOutRequest.class;
    }

    @Override
    public Object execute(AdminUserGlobalSignOutRequest request, RequestContext context) {
        return store.write(request.userPoolId(), pool -> {
            pool.revokeGrants(UserLookup.find(pool, request.username()).sub());
            return new AdminUserGlobalSignOutResponse();
        });
    }
}
