package dev.cognitoemulator.operations.users;

import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.protocol.RequestContext;
import dev.cognitoemulator.store.UserPoolStore;
import java.time.Clock;

/**
 * Stops a user from signing in and, as AWS documents, revokes every token the user holds; the user can still
 * be read and changed by admin operations.
 */
public final class AdminDisableUser implements Operation<AdminDisableUser.AdminDisableUserRequest> {

    private final UserPoolStore store;
    private final Clock clock;

    public AdminDisableUser(UserPoolStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public record AdminDisableUserRequest(String userPoolId, String username) {
    }

    public record AdminDisableUserResponse() {
    }

    @Override
    public Class<AdminDisableUserRequest> requestType() {
        return AdminDisableUserRequest.class;
    }

    @Override
    public Object execute(AdminDisableUserRequest request, RequestContext context) {
        return store.write(request.userPoolId(), users -> {
            User user = UserLookup.find(users, request.username());
            users.put(user.withEnabled(false, clock.instant()));
            users.revokeGrants(user.sub());
            return new AdminDisableUserResponse();
        });
    }
}
