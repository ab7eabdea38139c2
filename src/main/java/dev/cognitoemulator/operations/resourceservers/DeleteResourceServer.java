package dev.cognitoemulator.operations.resourceservers;

import dev.cognitoemulator.model.DeleteResourceServerRequest;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/**
 * Deletes a resource server. App clients that name its scopes keep them (captured: deleting a server whose scopes a
 * client has "can be done cleanly", aws-cloudformation/cloudformation-coverage-roadmap#173).
 */
public final class DeleteResourceServer implements Operation<DeleteResourceServerRequest, Void> {

    @Override
    public Void execute(DeleteResourceServerRequest request, Call call) {
        call.write(request.userPoolId(), pool -> {
            pool.removeResourceServer(ResourceServers.require(pool, request.identifier()).identifier());
            return null;
        });
        return null;
    }
}
