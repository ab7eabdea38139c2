package dev.cognitoemulator.operations.resourceservers;

import dev.cognitoemulator.domain.ResourceServer;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.CreateResourceServerRequest;
import dev.cognitoemulator.model.CreateResourceServerResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** Creates a resource server; its identifier is unique in the pool, and a pool has at most 25. */
public final class CreateResourceServer
        implements Operation<CreateResourceServerRequest, CreateResourceServerResponse> {

    @Override
    public CreateResourceServerResponse execute(CreateResourceServerRequest request, Call call) {
        ResourceServer created = call.write(request.userPoolId(), pool -> {
            if (pool.resourceServer(request.identifier()) != null) {
                // Unconfirmed: no capture of AWS's text for an identifier the pool has.
                throw new CognitoException(ErrorCode.InvalidParameterException,
                        "A resource server with identifier " + request.identifier() + " already exists.");
            }
            if (pool.resourceServerCount() >= ResourceServer.MAX_PER_POOL) {
                // Unconfirmed: no capture of AWS's text at the quota.
                throw new CognitoException(ErrorCode.LimitExceededException,
                        "A user pool can have at most " + ResourceServer.MAX_PER_POOL + " resource servers.");
            }
            ResourceServer server = new ResourceServer(request.identifier(), pool.pool().id(), request.name(),
                    ResourceServers.scopes(request.scopes()));
            pool.putResourceServer(server);
            return server;
        });
        return new CreateResourceServerResponse(ResourceServers.type(created));
    }
}
