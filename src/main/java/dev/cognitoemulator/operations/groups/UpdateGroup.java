package dev.cognitoemulator.operations.groups;

import dev.cognitoemulator.domain.Group;
import dev.cognitoemulator.model.UpdateGroupRequest;
import dev.cognitoemulator.model.UpdateGroupResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/**
 * Changes the description, role ARN and precedence given in the request and keeps the others (AWS's
 * documented example leaves RoleArn out and gets the group's role back); LastModifiedDate moves on.
 */
public final class UpdateGroup implements Operation<UpdateGroupRequest, UpdateGroupResponse> {

    @Override
    public UpdateGroupResponse execute(UpdateGroupRequest request, Call call) {
        Group updated = call.write(request.userPoolId(), pool -> {
            Group group = pool.requireGroup(request.groupName());
            Group changed = new Group(group.groupName(), group.userPoolId(),
                    request.description() != null ? request.description() : group.description(),
                    request.roleArn() != null ? request.roleArn() : group.roleArn(),
                    request.precedence() != null ? request.precedence() : group.precedence(),
                    group.creationDate(), call.now());
            pool.putGroup(changed);
            return changed;
        });
        return new UpdateGroupResponse(Groups.type(updated));
    }
}
