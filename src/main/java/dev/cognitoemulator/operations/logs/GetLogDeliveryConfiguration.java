package dev.cognitoemulator.operations.logs;

import dev.cognitoemulator.model.GetLogDeliveryConfigurationRequest;
import dev.cognitoemulator.model.GetLogDeliveryConfigurationResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** The pool's log deliveries, as last set; no {@code LogConfigurations} when none were (unconfirmed: an empty list). */
public final class GetLogDeliveryConfiguration
        implements Operation<GetLogDeliveryConfigurationRequest, GetLogDeliveryConfigurationResponse> {

    @Override
    public GetLogDeliveryConfigurationResponse execute(GetLogDeliveryConfigurationRequest request, Call call) {
        return call.read(request.userPoolId(), pool -> new GetLogDeliveryConfigurationResponse(
                LogDeliveries.type(pool.pool().id(), pool.logDelivery())));
    }
}
