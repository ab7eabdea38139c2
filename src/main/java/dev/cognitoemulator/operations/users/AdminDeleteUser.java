package dev.cognitoemulator.operations.users;

import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.protocol.RequestContext;
import dev.cognitoemulator.store.UserPoolStore;

/** Deletes a user; its username, sub and aliases are free again. */
public final class AdminDeleteUser implements Operation<AdminDeleteUser.AdminDeleteUserRequest> {

    private final UserPoolStore store;

    public AdminDeleteUser(UserPoolStore store) {
        this.store = store;
    }

    public record AdminDeleteUserRequest(String userPoolId, String username) {
    }

    public record AdminDeleteUserResponse() {
    }

    @Override
    public Class<AdminDeleteUserRequest> requestType() {
        return AdminDeleteUserRequest.class;
    }

    @Override
    public Object execute(AdminDeleteUserRequest request, RequestContext context) {
        return store.write(request.userPoolId(), users -> {
            users.remove(UserLookup.find(users, request.username()));
            return new AdminDeleteUserResponse();
        });
    }
}
