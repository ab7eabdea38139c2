package dev.cognitoemulator.operations.resourceservers;

import dev.cognitoemulator.domain.ResourceServer;
import dev.cognitoemulator.model.ListResourceServersRequest;
import dev.cognitoemulator.model.ListResourceServersResponse;
import dev.cognitoemulator.model.ResourceServerType;
import dev.cognitoemulator.operations.Pager;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** The pool's resource servers by identifier, {@code MaxResults} (default and at most 50, the model's range) a page. */
public final class ListResourceServers implements Operation<ListResourceServersRequest, ListResourceServersResponse> {

    static final Pager.Limits LIMITS = new Pager.Limits("ListResourceServers", 50, 50);

    @Override
    public ListResourceServersResponse execute(ListResourceServersRequest request, Call call) {
        Pager.Page<ResourceServerType> page = call.read(request.userPoolId(), pool -> Pager.page(call, LIMITS,
                request.maxResults(), request.nextToken(), pool.pool().id(), pool::resourceServersAfter,
                ResourceServer::identifier, ResourceServers::type));
        return ListResourceServersResponse.builder().resourceServers(page.items()).nextToken(page.nextToken())
                .build();
    }
}
