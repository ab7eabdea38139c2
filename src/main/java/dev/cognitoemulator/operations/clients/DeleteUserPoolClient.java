package dev.cognitoemulator.operations.clients;

import dev.cognitoemulator.model.DeleteUserPoolClientRequest;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** Deletes an app client; sign-in through it ends. */
public final class DeleteUserPoolClient implements Operation<DeleteUserPoolClientRequest, Void> {

    @Override
    public Void execute(DeleteUserPoolClientRequest request, Call call) {
        return call.write(request.userPoolId(), pool -> {
            pool.removeClient(pool.requireClient(request.clientId()).clientId());
            return null;
        });
    }
}
