package dev.cognitoemulator.operations.users;

import dev.cognitoemulator.model.AdminEnableUserRequest;
import dev.cognitoemulator.model.AdminEnableUserResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** Lets a disabled user sign in again. */
public final class AdminEnableUser implements Operation<AdminEnableUserRequest, AdminEnableUserResponse> {

    @Override
    public AdminEnableUserResponse execute(AdminEnableUserRequest request, Call call) {
        call.updateUser(request.userPoolId(), request.username(), user -> user.withEnabled(true, call.now()));
        return new AdminEnableUserResponse();
    }
}
