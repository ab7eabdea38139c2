package dev.cognitoemulator.operations.clients;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.OAuthScopes;
import dev.cognitoemulator.model.UpdateUserPoolClientRequest;
import dev.cognitoemulator.model.UpdateUserPoolClientResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** Replaces an app client's settings; as AWS documents, what the request leaves out goes back to its default. */
public final class UpdateUserPoolClient
        implements Operation<UpdateUserPoolClientRequest, UpdateUserPoolClientResponse> {

    @Override
    public UpdateUserPoolClientResponse execute(UpdateUserPoolClientRequest request, Call call) {
        AppClient updated = call.write(request.userPoolId(), pool -> {
            OAuthScopes.requireKnown(pool, request.allowedOAuthScopes());
            AppClient client = Clients.updated(request, pool.pool(), pool.requireClient(request.clientId()),
                    call.now());
            pool.putClient(client);
            return client;
        });
        return new UpdateUserPoolClientResponse(Clients.describe(updated));
    }
}
