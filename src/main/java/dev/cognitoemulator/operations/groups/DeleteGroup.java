package dev.cognitoemulator.operations.groups;

import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.protocol.RequestContext;
import dev.cognitoemulator.store.UserPoolStore;

/** Deletes a group and every membership in it; the members' UserLastModifiedDate stays as it was. */
public final class DeleteGroup implements Operation<DeleteGroup.DeleteGroupRequest> {

    private final UserPoolStore store;

    public DeleteGroup(UserPoolStore store) {
        this.store = store;
    }

    public record DeleteGroupRequest(String groupName, String userPoolId) {
    }

    public record DeleteGroupResponse() {
    }

    @Override
    public Class<DeleteGroupRequest> requestType() {
        return DeleteGroupRequest.class;
    }

    @Override
    public Object execute(DeleteGroupRequest request, RequestContext context) {
        return store.write(request.userPoolId(), pool -> {
            pool.removeGroup(Groups.find(pool, request.groupName()).groupName());
            return new DeleteGroupResponse();
        });
    }
}
