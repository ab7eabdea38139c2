package dev.cognitoemulator.operations.clients;

import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.protocol.RequestContext;
import dev.cognitoemulator.store.UserPoolStore;

/** Deletes an app client; sign-in through it ends. */
public final class DeleteUserPoolClient implements Operation<DeleteUserPoolClient.DeleteUserPoolClientRequest> {

    private final UserPoolStore store;

    public DeleteUserPoolClient(UserPoolStore store) {
        this.store = store;
    }

    public record DeleteUserPoolClientRequest(String userPoolId, String clientId) {
    }

    public record DeleteUserPoolClientResponse() {
    }

    @Override
    public Class<DeleteUserPoolClientRequest> requestType() {
        return DeleteUserPoolClientRequest.class;
    }

    @Override
    public Object execute(DeleteUserPoolClientRequest request, RequestContext context) {
        return store.write(request.userPoolId(), pool -> {
            pool.removeClient(ClientLookup.find(pool, request.clientId()).clientId());
            return new DeleteUserPoolClientResponse();
        });
    }
}
