package dev.cognitoemulator.operations.clients;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.operations.PageTokens;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.protocol.RequestContext;
import dev.cognitoemulator.store.UserPoolStore;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** A pool's app clients by id, {@code MaxResults} (default and at most 60) a page. */
public final class ListUserPoolClients implements Operation<ListUserPoolClients.ListUserPoolClientsRequest> {

    private static final int MAX = 60;

    private final UserPoolStore store;

    public ListUserPoolClients(UserPoolStore store) {
        this.store = store;
    }

    public record ListUserPoolClientsRequest(String userPoolId, Integer maxResults, String nextToken) {
    }

    public record UserPoolClientDescription(String clientId, String userPoolId, String clientName) {
    }

    public record ListUserPoolClientsResponse(List<UserPoolClientDescription> userPoolClients, String nextToken) {
    }

    @Override
    public Class<ListUserPoolClientsRequest> requestType() {
        return ListUserPoolClientsRequest.class;
    }

    @Override
    public Object execute(ListUserPoolClientsRequest request, RequestContext context) {
        int limit = request.maxResults() == null ? MAX : request.maxResults();
        String after = PageTokens.decode(request.nextToken(), "NextToken");
        return store.read(request.userPoolId(), pool -> {
            List<UserPoolClientDescription> page = new ArrayList<>();
            Iterator<AppClient> clients = pool.clientsAfter(after);
            while (clients.hasNext()) {
                AppClient client = clients.next();
                if (page.size() == limit) {
                    return new ListUserPoolClientsResponse(page,
                            PageTokens.encode(page.get(page.size() - 1).clientId()));
                }
                page.add(new UserPoolClientDescription(client.clientId(), client.userPoolId(), client.clientName()));
            }
            return new ListUserPoolClientsResponse(page, null);
        });
    }
}
