package dev.cognitoemulator.operations.groups;

import dev.cognitoemulator.domain.Group;
import dev.cognitoemulator.protocol.CognitoException;
import dev.cognitoemulator.protocol.ErrorCode;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.protocol.RequestContext;
import dev.cognitoemulator.store.UserPoolStore;
import java.time.Clock;
import java.time.Instant;

/** Creates a group; its name must be unique in the pool (exactly, case-sensitively). */
public final class CreateGroup implements Operation<CreateGroup.CreateGroupRequest> {

    private final UserPoolStore store;
    private final Clock clock;

    public CreateGroup(UserPoolStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public record CreateGroupRequest(String groupName, String userPoolId, String description, String roleArn,
            Integer precedence) {
    }

    public record CreateGroupResponse(GroupType group) {
    }

    @Override
    public Class<CreateGroupRequest> requestType() {
        return CreateGroupRequest.class;
    }

    @Override
    public Object execute(CreateGroupRequest request, RequestContext context) {
        Instant now = clock.instant();
        Group created = store.write(request.userPoolId(), pool -> {
            if (pool.group(request.groupName()) != null) {
                // Unconfirmed: AWS's text is not public; fakecloud's wording (cognito-errors.md section 2).
                throw new CognitoException(ErrorCode.GroupExistsException,
                        "A group with the name " + request.groupName() + " already exists.");
            }
            Group group = new Group(request.groupName(), pool.pool().id(), request.description(), request.roleArn(),
                    request.precedence(), now, now);
            pool.putGroup(group);
            return group;
        });
        return new CreateGroupResponse(GroupType.of(created));
    }
}
