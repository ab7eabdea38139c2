package dev.cognitoemulator.operations.providers;

import dev.cognitoemulator.model.DescribeIdentityProviderRequest;
import dev.cognitoemulator.model.DescribeIdentityProviderResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** An identity provider of the pool, by its exact name. */
public final class DescribeIdentityProvider
        implements Operation<DescribeIdentityProviderRequest, DescribeIdentityProviderResponse> {

    @Override
    public DescribeIdentityProviderResponse execute(DescribeIdentityProviderRequest request, Call call) {
        return call.read(request.userPoolId(), pool -> new DescribeIdentityProviderResponse(
                Providers.type(pool.requireIdentityProvider(request.providerName()), pool.pool().id())));
    }
}
