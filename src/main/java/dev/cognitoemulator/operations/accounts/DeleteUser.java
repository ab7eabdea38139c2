package dev.cognitoemulator.operations.accounts;

import dev.cognitoemulator.model.DeleteUserRequest;
import dev.cognitoemulator.operations.auth.AccessTokens;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/**
 * The signed-in user deletes themself, for good ("can't be restored", model): with its refresh tokens, codes and
 * sessions, so its tokens stop working at once.
 */
public final class DeleteUser implements Operation<DeleteUserRequest, Void> {

    @Override
    public Void execute(DeleteUserRequest request, Call call) {
        AccessTokens.writeCaller(call, request.accessToken(), (pool, caller) -> {
            pool.remove(caller.user());
            return null;
        });
        return null;
    }
}
