package dev.cognitoemulator.operations.replicas;

import dev.cognitoemulator.domain.Replica;
import dev.cognitoemulator.model.UpdateUserPoolReplicaRequest;
import dev.cognitoemulator.model.UpdateUserPoolReplicaResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/**
 * Activates or deactivates a secondary replica (ACTIVE: it signs users in; INACTIVE: it serves administrators only),
 * from either region (documented).
 */
public final class UpdateUserPoolReplica
        implements Operation<UpdateUserPoolReplicaRequest, UpdateUserPoolReplicaResponse> {

    @Override
    public UpdateUserPoolReplicaResponse execute(UpdateUserPoolReplicaRequest request, Call call) {
        Replica updated = call.write(request.userPoolId(), pool -> {
            Replica changed = Replicas.requireSecondary(pool, request.regionName()).withStatus(request.status());
            pool.putReplica(changed);
            return changed;
        });
        return new UpdateUserPoolReplicaResponse(Replicas.secondary(request.userPoolId(), updated, updated.status(),
                call));
    }
}
