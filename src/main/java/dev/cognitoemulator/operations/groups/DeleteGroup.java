package dev.cognitoemulator.operations.groups;

import dev.cognitoemulator.model.DeleteGroupRequest;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** Deletes a group and every membership in it; the members' UserLastModifiedDate stays as it was. */
public final class DeleteGroup implements Operation<DeleteGroupRequest, Void> {

    @Override
    public Void execute(DeleteGroupRequest request, Call call) {
        return call.write(request.userPoolId(), pool -> {
            pool.removeGroup(pool.requireGroup(request.groupName()).groupName());
            return null;
        });
    }
}
