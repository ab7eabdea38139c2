package dev.cognitoemulator.operations.groups;

import dev.cognitoemulator.domain.Group;
import dev.cognitoemulator.model.GroupType;
import dev.cognitoemulator.model.ListGroupsRequest;
import dev.cognitoemulator.model.ListGroupsResponse;
import dev.cognitoemulator.operations.Pager;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** The pool's groups in a stable order (by name), {@code Limit} (default and at most 60) a page. */
public final class ListGroups implements Operation<ListGroupsRequest, ListGroupsResponse> {

    static final Pager.Limits LIMITS = new Pager.Limits("ListGroups", 60, 60);

    @Override
    public ListGroupsResponse execute(ListGroupsRequest request, Call call) {
        Pager.Page<GroupType> page = call.read(request.userPoolId(), pool -> Pager.page(call, LIMITS, request.limit(),
                request.nextToken(), pool.pool().id(), pool::groupsAfter, Group::groupName, Groups::type));
        return new ListGroupsResponse(page.items(), page.nextToken());
    }
}
