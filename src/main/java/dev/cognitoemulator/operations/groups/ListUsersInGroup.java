package dev.cognitoemulator.operations.groups;

import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.operations.PageTokens;
import dev.cognitoemulator.operations.users.UserType;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.protocol.RequestContext;
import dev.cognitoemulator.store.UserPoolStore;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The members of a group as ListUsers returns users, in a stable order (by username), {@code Limit}
 * (default and at most 60) a page.
 */
public final class ListUsersInGroup implements Operation<ListUsersInGroup.ListUsersInGroupRequest> {

    private final UserPoolStore store;

    public ListUsersInGroup(UserPoolStore store) {
        this.store = store;
    }

    public record ListUsersInGroupRequest(String userPoolId, String groupName, Integer limit, String nextToken) {
    }

    public record ListUsersInGroupResponse(List<UserType> users, String nextToken) {
    }

    @Override
    public Class<ListUsersInGroupRequest> requestType() {
        return ListUsersInGroupRequest.class;
    }

    @Override
    public Object execute(ListUsersInGroupRequest request, RequestContext context) {
        String after = PageTokens.decode(request.nextToken(), "NextToken");
        int limit = Groups.limit(request.limit());
        return store.read(request.userPoolId(), pool -> {
            String groupName = Groups.find(pool, request.groupName()).groupName();
            Iterator<User> members = pool.membersAfter(groupName, after);
            List<UserType> page = new ArrayList<>(Math.min(limit, 16));
            User last = null;
            while (members.hasNext()) {
                User user = members.next();
                if (page.size() == limit) {
                    return new ListUsersInGroupResponse(page,
                            PageTokens.encode(UserLookup.usernameKey(pool.pool(), last.username())));
                }
                page.add(UserType.of(user, null));
                last = user;
            }
            return new ListUsersInGroupResponse(page, null);
        });
    }
}
