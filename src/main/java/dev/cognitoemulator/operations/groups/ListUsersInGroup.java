package dev.cognitoemulator.operations.groups;

import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.model.ListUsersInGroupRequest;
import dev.cognitoemulator.model.ListUsersInGroupResponse;
import dev.cognitoemulator.model.UserType;
import dev.cognitoemulator.operations.Pager;
import dev.cognitoemulator.operations.users.Users;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/**
 * The members of a group as ListUsers returns users, in a stable order (by username), {@code Limit}
 * (default and at most 60) a page.
 */
public final class ListUsersInGroup implements Operation<ListUsersInGroupRequest, ListUsersInGroupResponse> {

    static final Pager.Limits LIMITS = new Pager.Limits("ListUsersInGroup", 60, 60);

    @Override
    public ListUsersInGroupResponse execute(ListUsersInGroupRequest request, Call call) {
        Pager.Page<UserType> page = call.read(request.userPoolId(), pool -> {
            String group = pool.requireGroup(request.groupName()).groupName();
            return Pager.page(call, LIMITS, request.limit(), request.nextToken(), pool.pool().id() + "/" + group,
                    after -> pool.membersAfter(group, after),
                    user -> UserLookup.usernameKey(pool.pool(), user.username()), user -> Users.type(user, null));
        });
        return new ListUsersInGroupResponse(page.nextToken(), page.items());
    }
}
