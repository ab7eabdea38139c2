package dev.cognitoemulator.operations.groups;

import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.protocol.RequestContext;
import dev.cognitoemulator.store.UserPoolStore;

/** A group by its name. */
public final class GetGroup implements Operation<GetGroup.GetGroupRequest> {

    private final UserPoolStore store;

    public GetGroup(UserPoolStore store) {
        this.store = store;
    }

    public record GetGroupRequest(String groupName, String userPoolId) {
    }

    public record GetGroupResponse(GroupType group) {
    }

    @Override
    public Class<GetGroupRequest> requestType() {
        return GetGroupRequest.class;
    }

    @Override
    public Object execute(GetGroupRequest request, RequestContext context) {
        return store.read(request.userPoolId(),
                pool -> new GetGroupResponse(GroupType.of(Groups.find(pool, request.groupName()))));
    }
}
