package dev.cognitoemulator.operations.replicas;

import dev.cognitoemulator.domain.Replica;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.DeleteUserPoolReplicaRequest;
import dev.cognitoemulator.model.DeleteUserPoolReplicaResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/**
 * Deletes a secondary replica, from the primary region, once it is INACTIVE (documented); the answer shows it
 * DELETING, and it is gone at once.
 */
public final class DeleteUserPoolReplica
        implements Operation<DeleteUserPoolReplicaRequest, DeleteUserPoolReplicaResponse> {

    @Override
    public DeleteUserPoolReplicaResponse execute(DeleteUserPoolReplicaRequest request, Call call) {
        Replica deleted = call.write(request.userPoolId(), pool -> {
            Replica replica = Replicas.requireSecondary(pool, request.regionName());
            if (!Replica.INACTIVE.equals(replica.status())) {
                throw new CognitoException(ErrorCode.InvalidParameterException, "The replica in "
                        + replica.region() + " must be INACTIVE to be deleted.");
            }
            pool.removeReplica(replica.region());
            return replica;
        });
        return new DeleteUserPoolReplicaResponse(Replicas.secondary(request.userPoolId(), deleted, "DELETING", call));
    }
}
