package dev.cognitoemulator.operations.threat;

import dev.cognitoemulator.model.DescribeRiskConfigurationRequest;
import dev.cognitoemulator.model.DescribeRiskConfigurationResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/**
 * The risk configuration of the pool, or of one app client: the client's own when it has one, else the pool's
 * (which it inherits); nothing set answers the ids alone. Unconfirmed: whether AWS marks an inherited
 * configuration; this answers it under the client id asked for.
 */
public final class DescribeRiskConfiguration
        implements Operation<DescribeRiskConfigurationRequest, DescribeRiskConfigurationResponse> {

    @Override
    public DescribeRiskConfigurationResponse execute(DescribeRiskConfigurationRequest request, Call call) {
        return new DescribeRiskConfigurationResponse(call.read(request.userPoolId(), pool -> {
            if (request.clientId() != null) {
                pool.requireClient(request.clientId());
            }
            return Risks.type(pool.pool().id(), request.clientId(),
                    pool.effectiveRiskConfiguration(request.clientId()));
        }));
    }
}
