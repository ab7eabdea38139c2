package dev.cognitoemulator.operations.auth;

import dev.cognitoemulator.model.AdminUserGlobalSignOutRequest;
import dev.cognitoemulator.model.AdminUserGlobalSignOutResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** Signs a user out everywhere (SigV4): every refresh token, and every token minted from one, is revoked. */
public final class AdminUserGlobalSignOut
        implements Operation<AdminUserGlobalSignOutRequest, AdminUserGlobalSignOutResponse> {

    @Override
    public AdminUserGlobalSignOutResponse execute(AdminUserGlobalSignOutRequest request, Call call) {
        return call.write(request.userPoolId(), pool -> {
            pool.revokeGrants(pool.requireUser(request.username()).sub());
            return new AdminUserGlobalSignOutResponse();
        });
    }
}
