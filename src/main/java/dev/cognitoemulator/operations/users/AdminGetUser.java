package dev.cognitoemulator.operations.users;

import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.model.AdminGetUserRequest;
import dev.cognitoemulator.model.AdminGetUserResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** A user found by username, alias or sub; disabled users too. */
public final class AdminGetUser implements Operation<AdminGetUserRequest, AdminGetUserResponse> {

    @Override
    public AdminGetUserResponse execute(AdminGetUserRequest request, Call call) {
        User user = call.read(request.userPoolId(), pool -> pool.requireUser(request.username()));
        return AdminGetUserResponse.builder().username(user.username())
                .userAttributes(Users.attributes(user.attributes(), null)).userCreateDate(user.created())
                .userLastModifiedDate(user.lastModified()).enabled(user.enabled()).userStatus(user.status().name())
                .mfaOptions(Users.mfaOptions(user)).userMFASettingList(Users.mfaMethods(user))
                .preferredMfaSetting(user.mfa().preferred()).build();
    }
}
