package dev.cognitoemulator.operations.groups;

import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.operations.PageTokens;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.protocol.RequestContext;
import dev.cognitoemulator.store.UserPoolStore;
import java.util.ArrayList;
import java.util.List;

/**
 * The groups of a user (found by username, alias or sub) in a stable order (by name), {@code Limit}
 * (default and at most 60) a page.
 */
public final class AdminListGroupsForUser
        implements Operation<AdminListGroupsForUser.AdminListGroupsForUserRequest> {

    private final UserPoolStore store;

    public AdminListGroupsForUser(UserPoolStore store) {
        this.store = store;
    }

    public record AdminListGroupsForUserRequest(String username, String userPoolId, Integer limit,
            String nextToken) {
    }

    public record AdminListGroupsForUserResponse(List<GroupType> groups, String nextToken) {
    }

    @Override
    public Class<AdminListGroupsForUserRequest> requestType() {
        return AdminListGroupsForUserRequest.class;
    }

    @Override
    public Object execute(AdminListGroupsForUserRequest request, RequestContext context) {
        String after = PageTokens.decode(request.nextToken(), "NextToken");
        int limit = Groups.limit(request.limit());
        return store.read(request.userPoolId(), pool -> {
            User user = UserLookup.find(pool, request.username());
            List<GroupType> page = new ArrayList<>(Math.min(limit, 16));
            // User.groups() is sorted by name, as the pool's groups are.
            for (String name : user.groups()) {
                if (after != null && name.compareTo(after) <= 0) {
                    continue;
                }
                if (page.size() == limit) {
                    return new AdminListGroupsForUserResponse(page,
                            PageTokens.encode(page.get(limit - 1).groupName()));
                }
                page.add(GroupType.of(Groups.find(pool, name)));
            }
            return new AdminListGroupsForUserResponse(page, null);
        });
    }
}
