package dev.cognitoemulator.operations.replicas;

import dev.cognitoemulator.domain.Ids;
import dev.cognitoemulator.domain.Replica;
import dev.cognitoemulator.domain.Replication;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.CreateUserPoolReplicaRequest;
import dev.cognitoemulator.model.CreateUserPoolReplicaResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import java.util.Map;

/**
 * Replicates the pool into another region, from its primary region: the replica starts INACTIVE (documented), needs
 * the Essentials or Plus plan (documented: not on Lite), and a pool has at most one. It keeps its own tags.
 */
public final class CreateUserPoolReplica
        implements Operation<CreateUserPoolReplicaRequest, CreateUserPoolReplicaResponse> {

    @Override
    public CreateUserPoolReplicaResponse execute(CreateUserPoolReplicaRequest request, Call call) {
        String region = Replicas.region(request.regionName());
        Replica created = call.write(request.userPoolId(), pool -> {
            String poolId = pool.pool().id();
            if ("LITE".equals(pool.pool().settings().userPoolTier())) {
                // The wording of the plan's other refusals (hashicorp/terraform-provider-aws#40734).
                throw new CognitoException(ErrorCode.FeatureUnavailableInTierException,
                        "The following features need to be disabled for the LITE pricing tier configured: "
                                + "Multi-Region Replication");
            }
            if (Ids.region(poolId).equals(region)) {
                throw new CognitoException(ErrorCode.InvalidParameterException,
                        "A replica cannot be created in " + region + ", the primary region of user pool " + poolId
                                + ".");
            }
            if (pool.replicas().size() >= Replication.MAX_SECONDARIES) {
                throw new CognitoException(ErrorCode.LimitExceededException,
                        "User pool " + poolId + " already has a replica in " + pool.replicas().get(0).region() + ".");
            }
            Replica replica = new Replica(region, Replica.INACTIVE,
                    request.userPoolTags() == null ? Map.of() : request.userPoolTags());
            pool.putReplica(replica);
            return replica;
        });
        return new CreateUserPoolReplicaResponse(Replicas.secondary(request.userPoolId(), created, created.status(),
                call));
    }
}
