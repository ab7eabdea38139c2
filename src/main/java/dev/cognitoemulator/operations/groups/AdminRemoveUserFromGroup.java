package dev.cognitoemulator.operations.groups;

import dev.cognitoemulator.domain.Group;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.model.AdminRemoveUserFromGroupRequest;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes a user (found by username, alias or sub) out of a group; a user who is not a member is fine. The
 * group and the user must exist (the group is checked first, unconfirmed order); UserLastModifiedDate
 * stays as it was.
 */
public final class AdminRemoveUserFromGroup implements Operation<AdminRemoveUserFromGroupRequest, Void> {

    @Override
    public Void execute(AdminRemoveUserFromGroupRequest request, Call call) {
        return call.write(request.userPoolId(), pool -> {
            Group group = pool.requireGroup(request.groupName());
            User user = pool.requireUser(request.username());
            if (user.groups().contains(group.groupName())) {
                List<String> groups = new ArrayList<>(user.groups());
                groups.remove(group.groupName());
                pool.put(user.withGroups(groups));
            }
            return null;
        });
    }
}
