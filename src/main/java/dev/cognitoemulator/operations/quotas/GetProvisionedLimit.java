package dev.cognitoemulator.operations.quotas;

import dev.cognitoemulator.model.GetProvisionedLimitRequest;
import dev.cognitoemulator.model.GetProvisionedLimitResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** The region's provisioned rate of an API category (its default until UpdateProvisionedLimit), and the default. */
public final class GetProvisionedLimit implements Operation<GetProvisionedLimitRequest, GetProvisionedLimitResponse> {

    @Override
    public GetProvisionedLimitResponse execute(GetProvisionedLimitRequest request, Call call) {
        return new GetProvisionedLimitResponse(Limits.type(request.limitDefinition(),
                Limits.category(request.limitDefinition()), call));
    }
}
