package dev.cognitoemulator.operations.groups;

import dev.cognitoemulator.domain.Group;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.model.AdminListGroupsForUserRequest;
import dev.cognitoemulator.model.AdminListGroupsForUserResponse;
import dev.cognitoemulator.model.GroupType;
import dev.cognitoemulator.operations.Pager;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import java.util.Objects;

/**
 * The groups a user (found by username, alias or sub) belongs to, in a stable order (by name), {@code Limit}
 * (default and at most 60) a page.
 */
public final class AdminListGroupsForUser
        implements Operation<AdminListGroupsForUserRequest, AdminListGroupsForUserResponse> {

    static final Pager.Limits LIMITS = new Pager.Limits("AdminListGroupsForUser", 60, 60);

    @Override
    public AdminListGroupsForUserResponse execute(AdminListGroupsForUserRequest request, Call call) {
        Pager.Page<GroupType> page = call.read(request.userPoolId(), pool -> {
            User user = pool.requireUser(request.username());
            // User.groups() is sorted by name, as the pool's groups are.
            return Pager.page(call, LIMITS, request.limit(), request.nextToken(), pool.pool().id() + "/" + user.sub(),
                    after -> user.groups().stream().filter(name -> after == null || name.compareTo(after) > 0)
                            .map(pool::group).filter(Objects::nonNull).iterator(),
                    Group::groupName, Groups::type);
        });
        return new AdminListGroupsForUserResponse(page.items(), page.nextToken());
    }
}
