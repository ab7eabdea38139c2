package dev.cognitoemulator.operations.users;

import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.domain.UserStatus;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.protocol.RequestContext;
import dev.cognitoemulator.store.UserPoolStore;
import java.time.Instant;
import java.util.List;

/** A user found by username, alias or sub; disabled users too. */
public final class AdminGetUser implements Operation<AdminGetUser.AdminGetUserRequest> {

    private final UserPoolStore store;

    public AdminGetUser(UserPoolStore store) {
        this.store = store;
    }

    public record AdminGetUserRequest(String userPoolId, String username) {
    }

    public record AdminGetUserResponse(String username, List<AttributeType> userAttributes, Instant userCreateDate,
            Instant userLastModifiedDate, Boolean enabled, UserStatus userStatus) {
    }

    @Override
    public Class<AdminGetUserRequest> requestType() {
        return AdminGetUserRequest.class;
    }

    @Override
    public Object execute(AdminGetUserRequest request, RequestContext context) {
        User user = store.read(request.userPoolId(), users -> UserLookup.find(users, request.username()));
        return new AdminGetUserResponse(user.username(), AttributeType.of(user), user.created(), user.lastModified(),
                user.enabled(), user.status());
    }
}
