package dev.cognitoemulator.operations.users;

import dev.cognitoemulator.model.AdminDeleteUserRequest;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** Deletes a user with its tokens and sessions; its username, sub and aliases are free again. */
public final class AdminDeleteUser implements Operation<AdminDeleteUserRequest, Void> {

    @Override
    public Void execute(AdminDeleteUserRequest request, Call call) {
        return call.write(request.userPoolId(), pool -> {
            pool.remove(pool.requireUser(request.username()));
            return null;
        });
    }
}
