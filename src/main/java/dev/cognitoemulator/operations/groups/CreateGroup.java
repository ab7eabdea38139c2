package dev.cognitoemulator.operations.groups;

import dev.cognitoemulator.domain.Group;
import dev.cognitoemulator.domain.ResourceQuotas;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.CreateGroupRequest;
import dev.cognitoemulator.model.CreateGroupResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** Creates a group; its name must be unique in the pool (exactly, case-sensitively). */
public final class CreateGroup implements Operation<CreateGroupRequest, CreateGroupResponse> {

    @Override
    public CreateGroupResponse execute(CreateGroupRequest request, Call call) {
        Group created = call.write(request.userPoolId(), pool -> {
            if (pool.group(request.groupName()) != null) {
                // Unconfirmed: AWS's text is not public; fakecloud's wording (cognito-errors.md section 2).
                throw new CognitoException(ErrorCode.GroupExistsException,
                        "A group with the name " + request.groupName() + " already exists.");
            }
            ResourceQuotas.oneMoreGroup(pool);
            Group group = new Group(request.groupName(), pool.pool().id(), request.description(), request.roleArn(),
                    request.precedence(), call.now(), call.now());
            pool.putGroup(group);
            return group;
        });
        return new CreateGroupResponse(Groups.type(created));
    }
}
