package dev.cognitoemulator.operations.clients;

import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.protocol.RequestContext;
import dev.cognitoemulator.store.UserPoolStore;
import java.util.Map;

/** An app client's settings, secret included. */
public final class DescribeUserPoolClient implements Operation<DescribeUserPoolClient.DescribeUserPoolClientRequest> {

    private final UserPoolStore store;

    public DescribeUserPoolClient(UserPoolStore store) {
        this.store = store;
    }

    public record DescribeUserPoolClientRequest(String userPoolId, String clientId) {
    }

    public record DescribeUserPoolClientResponse(Map<String, Object> userPoolClient) {
    }

    @Override
    public Class<DescribeUserPoolClientRequest> requestType() {
        return DescribeUserPoolClientRequest.class;
    }

    @Override
    public Object execute(DescribeUserPoolClientRequest request, RequestContext context) {
        return store.read(request.userPoolId(), pool -> new DescribeUserPoolClientResponse(
                ClientSettings.describe(ClientLookup.find(pool, request.clientId()))));
    }
}
