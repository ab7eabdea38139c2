package dev.cognitoemulator.operations.pools;

import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.protocol.RequestContext;
import dev.cognitoemulator.store.UserPoolStore;
import java.util.Map;

/** The pool's settings, schema and user count, as {@code UserPoolType}. */
public final class DescribeUserPool implements Operation<DescribeUserPool.DescribeUserPoolRequest> {

    private final UserPoolStore store;

    public DescribeUserPool(UserPoolStore store) {
        this.store = store;
    }

    public record DescribeUserPoolRequest(String userPoolId) {
    }

    public record DescribeUserPoolResponse(Map<String, Object> userPool) {
    }

    @Override
    public Class<DescribeUserPoolRequest> requestType() {
        return DescribeUserPoolRequest.class;
    }

    @Override
    public Object execute(DescribeUserPoolRequest request, RequestContext context) {
        return store.read(request.userPoolId(),
                users -> new DescribeUserPoolResponse(PoolSettings.describe(users.pool(), users.size())));
    }
}
