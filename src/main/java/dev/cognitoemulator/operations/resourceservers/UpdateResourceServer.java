package dev.cognitoemulator.operations.resourceservers;

import dev.cognitoemulator.domain.ResourceServer;
import dev.cognitoemulator.model.UpdateResourceServerRequest;
import dev.cognitoemulator.model.UpdateResourceServerResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/**
 * Replaces a resource server's name and scopes; scopes left out are none (documented: API reference,
 * UpdateResourceServer: what is not given is set to its default). App clients keep the scopes they name.
 */
public final class UpdateResourceServer
        implements Operation<UpdateResourceServerRequest, UpdateResourceServerResponse> {

    @Override
    public UpdateResourceServerResponse execute(UpdateResourceServerRequest request, Call call) {
        ResourceServer updated = call.write(request.userPoolId(), pool -> {
            ResourceServer current = ResourceServers.require(pool, request.identifier());
            ResourceServer server = new ResourceServer(current.identifier(), current.userPoolId(), request.name(),
                    ResourceServers.scopes(request.scopes()));
            pool.putResourceServer(server);
            return server;
        });
        return new UpdateResourceServerResponse(ResourceServers.type(updated));
    }
}
