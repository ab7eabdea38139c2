package dev.cognitoemulator.operations.pools;

import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.operations.PageTokens;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.protocol.RequestContext;
import dev.cognitoemulator.store.UserPoolStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Pools in a stable order, {@code MaxResults} (1 to 60) at a time. */
public final class ListUserPools implements Operation<ListUserPools.ListUserPoolsRequest> {

    private final UserPoolStore store;

    public ListUserPools(UserPoolStore store) {
        this.store = store;
    }

    public record ListUserPoolsRequest(Integer maxResults, String nextToken) {
    }

    public record UserPoolDescriptionType(String id, String name, Map<String, Object> lambdaConfig,
            Instant lastModifiedDate, Instant creationDate) {
    }

    public record ListUserPoolsResponse(List<UserPoolDescriptionType> userPools, String nextToken) {
    }

    @Override
    public Class<ListUserPoolsRequest> requestType() {
        return ListUserPoolsRequest.class;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object execute(ListUserPoolsRequest request, RequestContext context) {
        int limit = request.maxResults();
        List<UserPool> page = store.pools(PageTokens.decode(request.nextToken(), "NextToken"), limit + 1);
        boolean more = page.size() > limit;
        List<UserPool> shown = more ? page.subList(0, limit) : page;
        return new ListUserPoolsResponse(shown.stream().map(p -> new UserPoolDescriptionType(p.id(), p.name(),
                (Map<String, Object>) p.settings().get("LambdaConfig"), p.lastModifiedDate(), p.creationDate()))
                .toList(), more ? PageTokens.encode(shown.get(shown.size() - 1).id()) : null);
    }
}
