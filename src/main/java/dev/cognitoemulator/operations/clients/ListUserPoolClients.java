package dev.cognitoemulator.operations.clients;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.model.ListUserPoolClientsRequest;
import dev.cognitoemulator.model.ListUserPoolClientsResponse;
import dev.cognitoemulator.model.UserPoolClientDescription;
import dev.cognitoemulator.operations.Pager;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** A pool's app clients by id, {@code MaxResults} (default and at most 60) a page. */
public final class ListUserPoolClients implements Operation<ListUserPoolClientsRequest, ListUserPoolClientsResponse> {

    static final Pager.Limits LIMITS = new Pager.Limits("ListUserPoolClients", 60, 60);

    @Override
    public ListUserPoolClientsResponse execute(ListUserPoolClientsRequest request, Call call) {
        Pager.Page<UserPoolClientDescription> page = call.read(request.userPoolId(), pool -> Pager.page(call, LIMITS,
                request.maxResults(), request.nextToken(), pool.pool().id(), pool::clientsAfter, AppClient::clientId,
                client -> new UserPoolClientDescription(client.clientId(), client.clientName(), client.userPoolId())));
        return new ListUserPoolClientsResponse(page.nextToken(), page.items());
    }
}
