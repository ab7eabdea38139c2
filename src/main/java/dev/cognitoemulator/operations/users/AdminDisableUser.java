package dev.cognitoemulator.operations.users;

import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.model.AdminDisableUserRequest;
import dev.cognitoemulator.model.AdminDisableUserResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/**
 * Stops a user from signing in and, as AWS documents, revokes every token the user holds; the user can still
 * be read and changed by admin operations.
 */
public final class AdminDisableUser implements Operation<AdminDisableUserRequest, AdminDisableUserResponse> {

    @Override
    public AdminDisableUserResponse execute(AdminDisableUserRequest request, Call call) {
        call.write(request.userPoolId(), pool -> {
            User user = pool.requireUser(request.username());
            pool.put(user.withEnabled(false, call.now()));
            pool.revokeGrants(user.sub());
            return null;
        });
        return new AdminDisableUserResponse();
    }
}
