package dev.cognitoemulator.operations.users;

import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.protocol.RequestContext;
import dev.cognitoemulator.store.UserPoolStore;
import java.time.Clock;

/** Lets a disabled user sign in again. */
public final class AdminEnableUser implements Operation<AdminEnableUser.AdminEnableUserRequest> {

    private final UserPoolStore store;
    private final Clock clock;

    public AdminEnableUser(UserPoolStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public record AdminEnableUserRequest(String userPoolId, String username) {
    }

    public record AdminEnableUserResponse() {
    }

    @Override
    public Class<AdminEnableUserRequest> requestType() {
        return AdminEnableUserRequest.class;
    }

    @Override
    public Object execute(AdminEnableUserRequest request, RequestContext context) {
        return store.write(request.userPoolId(), users -> {
            User user = UserLookup.find(users, request.username());
            users.put(user.withEnabled(true, clock.instant()));
            return new AdminEnableUserResponse();
        });
    }
}
