package dev.cognitoemulator.operations.resourceservers;

import dev.cognitoemulator.model.DescribeResourceServerRequest;
import dev.cognitoemulator.model.DescribeResourceServerResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** A resource server by its identifier (matched exactly). */
public final class DescribeResourceServer
        implements Operation<DescribeResourceServerRequest, DescribeResourceServerResponse> {

    @Override
    public DescribeResourceServerResponse execute(DescribeResourceServerRequest request, Call call) {
        return call.read(request.userPoolId(), pool -> new DescribeResourceServerResponse(
                ResourceServers.type(ResourceServers.require(pool, request.identifier()))));
    }
}
