package dev.cognitoemulator.operations.groups;

import dev.cognitoemulator.domain.Group;
import dev.cognitoemulator.operations.PageTokens;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.protocol.RequestContext;
import dev.cognitoemulator.store.UserPoolStore;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The pool's groups in a stable order (by name), {@code Limit} (default and at most 60) a page. */
public final class ListGroups implements Operation<ListGroups.ListGroupsRequest> {

    private final UserPoolStore store;

    public ListGroups(UserPoolStore store) {
        this.store = store;
    }

    public record ListGroupsRequest(String userPoolId, Integer limit, String nextToken) {
    }

    public record ListGroupsResponse(List<GroupType> groups, String nextToken) {
    }

    @Override
    public Class<ListGroupsRequest> requestType() {
        return ListGroupsRequest.class;
    }

    @Override
    public Object execute(ListGroupsRequest request, RequestContext context) {
        String after = PageTokens.decode(request.nextToken(), "NextToken");
        int limit = Groups.limit(request.limit());
        return store.read(request.userPoolId(), pool -> {
            Iterator<Group> groups = pool.groupsAfter(after);
            List<GroupType> page = new ArrayList<>(Math.min(limit, 16));
            while (groups.hasNext()) {
                Group group = groups.next();
                if (page.size() == limit) {
                    return new ListGroupsResponse(page, PageTokens.encode(page.get(limit - 1).groupName()));
                }
                page.add(GroupType.of(group));
            }
            return new ListGroupsResponse(page, null);
        });
    }
}
