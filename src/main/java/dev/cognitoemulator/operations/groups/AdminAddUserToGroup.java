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
 * Puts a user (found by username, alias or sub) in a group; adding a member again changes nothing.
 * Membership is not a user attribute: UserLastModifiedDate stays as it was. The group is checked before
 * the user (unconfirmed order).
 */
public final class AdminAddUserToGroup implements Operation<AdminAddUserToGroup.AdminAddUserToGroupRequest> {

    private final UserPoolStore store;

    public AdminAddUserToGroup(UserPoolStore store) {
        this.store = store;
    }

    public record AdminAddUserToGroupRequest(String userPoolId, String username, String groupName) {
    }

    public record AdminAddUserToGroupResponse() {
    }

    @Override
    public Class<AdminAddUserToGroupRequest> requestType() {
        return AdminAddUserToGroupRequest.class;
    }

    @Override
    public Object execute(AdminAddUserToGroupRequest request, RequestContext context) {
        return store.write(request.userPoolId(), pool -> {
            Group group = Groups.find(pool, request.groupName());
            User user = UserLookup.find(pool, request.username());
            if (!user.groups().contains(group.groupName())) {
                List<String> groups = new ArrayList<>(user.groups());
                groups.add(group.groupName());
                pool.put(user.withGroups(groups));
            }
            return new AdminAddUserToGroupResponse();
        });
    }
}
