package dev.cognitoemulator.operations.pools;

import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.model.ListUserPoolsRequest;
import dev.cognitoemulator.model.ListUserPoolsResponse;
import dev.cognitoemulator.model.UserPoolDescriptionType;
import dev.cognitoemulator.operations.Pager;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** Pools in a stable order, {@code MaxResults} (required, 1 to 60) at a time. */
public final class ListUserPools implements Operation<ListUserPoolsRequest, ListUserPoolsResponse> {

    static final Pager.Limits LIMITS = new Pager.Limits("ListUserPools", 60, 60);

    @Override
    public ListUserPoolsResponse execute(ListUserPoolsRequest request, Call call) {
        Pager.Page<UserPoolDescriptionType> page = Pager.page(call, LIMITS, request.maxResults(), request.nextToken(),
                call.region(), after -> call.store().pools(after, request.maxResults() + 1).iterator(), UserPool::id,
                pool -> UserPoolDescriptionType.builder().id(pool.id()).name(pool.name())
                        .lambdaConfig(pool.settings().lambdaConfig()).creationDate(pool.creationDate())
                        .lastModifiedDate(pool.lastModifiedDate()).build());
        return new ListUserPoolsResponse(page.nextToken(), page.items());
    }
}
