package dev.cognitoemulator.operations.groups;

import dev.cognitoemulator.domain.Group;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.protocol.RequestContext;
import dev.cognitoemulator.store.UserPoolStore;
import java.time.Clock;

/**
 * Changes the description, role ARN and precedence given in the request and keeps the others (AWS's
 * documented example leaves RoleArn out and gets the group's role back); LastModifiedDate moves on.
 */
public final class UpdateGroup implements Operation<UpdateGroup.UpdateGroupRequest> {

    private final UserPoolStore store;
    private final Clock clock;

    public UpdateGroup(UserPoolStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public record UpdateGroupRequest(String groupName, String userPoolId, String description, String roleArn,
            Integer precedence) {
    }

    public record UpdateGroupResponse(GroupType group) {
    }

    @Override
    public Class<UpdateGroupRequest> requestType() {
        return UpdateGroupRequest.class;
    }

    @Override
    public Object execute(UpdateGroupRequest request, RequestContext context) {
        Group updated = store.write(request.userPoolId(), pool -> {
            Group group = Groups.find(pool, request.groupName());
            Group changed = new Group(group.groupName(), group.userPoolId(),
                    request.description() != null ? request.description() : group.description(),
                    request.roleArn() != null ? request.roleArn() : group.roleArn(),
                    request.precedence() != null ? request.precedence() : group.precedence(),
                    group.creationDate(), clock.instant());
            pool.putGroup(changed);
            return changed;
        });
        return new UpdateGroupResponse(GroupType.of(updated));
    }
}
