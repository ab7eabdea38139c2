package dev.cognitoemulator.operations.groups;

import dev.cognitoemulator.domain.Group;
import dev.cognitoemulator.domain.ResourceQuotas;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.model.AdminAddUserToGroupRequest;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts a user (found by username, alias or sub) in a group; adding a member again changes nothing.
 * Membership is not a user attribute: UserLastModifiedDate stays as it was. The group is checked before
 * the user (unconfirmed order).
 */
public final class AdminAddUserToGroup implements Operation<AdminAddUserToGroupRequest, Void> {

    @Override
    public Void execute(AdminAddUserToGroupRequest request, Call call) {
        return call.write(request.userPoolId(), pool -> {
            Group group = pool.requireGroup(request.groupName());
            User user = pool.requireUser(request.username());
            if (!user.groups().contains(group.groupName())) {
                ResourceQuotas.oneMoreGroupOf(user);
                List<String> groups = new ArrayList<>(user.groups());
                groups.add(group.groupName());
                pool.put(user.withGroups(groups));
            }
            return null;
        });
    }
}
