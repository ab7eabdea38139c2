package dev.cognitoemulator.operations.clients;

import dev.cognitoemulator.model.DescribeUserPoolClientRequest;
import dev.cognitoemulator.model.DescribeUserPoolClientResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** An app client's settings, secret included. */
public final class DescribeUserPoolClient
        implements Operation<DescribeUserPoolClientRequest, DescribeUserPoolClientResponse> {

    @Override
    public DescribeUserPoolClientResponse execute(DescribeUserPoolClientRequest request, Call call) {
        return new DescribeUserPoolClientResponse(Clients.describe(call.read(request.userPoolId(),
                pool -> pool.requireClient(request.clientId()))));
    }
}
