package dev.cognitoemulator.operations.groups;

import dev.cognitoemulator.model.GetGroupRequest;
import dev.cognitoemulator.model.GetGroupResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** A group by its name. */
public final class GetGroup implements Operation<GetGroupRequest, GetGroupResponse> {

    @Override
    public GetGroupResponse execute(GetGroupRequest request, Call call) {
        return new GetGroupResponse(Groups.type(call.read(request.userPoolId(),
                pool -> pool.requireGroup(request.groupName()))));
    }
}
