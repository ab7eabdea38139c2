package dev.cognitoemulator.operations.groups;

import dev.cognitoemulator.domain.Group;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.protocol.RequestContext;
import dev.cognitoemulator.store.UserPoolStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes a user (found by username, alias or sub) out of a group; a user who is not a member is fine. The
 * group and the user must exist (the group is checked first, unconfirmed order); UserLastModifiedDate
 * stays as it was.
 */
public final class AdminRemoveUserFromGroup
        implements Operation<AdminRemoveUserFromGroup.AdminRemoveUserFromGroupRequest> {

    private final UserPoolStore store;

    public AdminRemoveUserFromGroup(UserPoolStore store) {
        this.store = store;
    }

    public record AdminRemoveUserFromGroupRequest(String userPoolId, String username, String groupName) {
    }

    public record AdminRemoveUserFromGroupResponse() {
    }

    @Override
    public Class<AdminRemoveUserFromGroupRequest> requestType() {
        return AdminRemoveUserFromGroupRequest.class;
    }

    @Override
    public Object execute(AdminRemoveUserFromGroupRequest request, RequestContext context) {
        return store.write(request.userPoolId(), pool -> {
            Group group = Groups.find(pool, request.groupName());
            User user = UserLookup.find(pool, request.username());
            if (user.groups().contains(group.groupName())) {
                List<String> groups = new ArrayList<>(user.groups());
                groups.remove(group.groupName());
                pool.put(user.withGroups(groups));
            }
            return new AdminRemoveUserFromGroupResponse();
        });
    }
}
