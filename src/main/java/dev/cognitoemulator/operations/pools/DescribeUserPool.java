package dev.cognitoemulator.operations.pools;

import dev.cognitoemulator.model.DescribeUserPoolRequest;
import dev.cognitoemulator.model.DescribeUserPoolResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** The pool's settings, schema and user count, as {@code UserPoolType}. */
public final class DescribeUserPool implements Operation<DescribeUserPoolRequest, DescribeUserPoolResponse> {

    @Override
    public DescribeUserPoolResponse execute(DescribeUserPoolRequest request, Call call) {
        return call.read(request.userPoolId(),
                pool -> new DescribeUserPoolResponse(Pools.describe(pool.pool(), pool.size())));
    }
}
