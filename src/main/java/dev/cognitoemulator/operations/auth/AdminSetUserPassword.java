package dev.cognitoemulator.operations.auth;

import dev.cognitoemulator.domain.Credentials;
import dev.cognitoemulator.domain.Passwords;
import dev.cognitoemulator.domain.UserStatus;
import dev.cognitoemulator.model.AdminSetUserPasswordRequest;
import dev.cognitoemulator.model.AdminSetUserPasswordResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/**
 * Sets a user's password, checked against the policy: permanent (the user is CONFIRMED) or temporary (the
 * user must choose a new one at next sign-in: FORCE_CHANGE_PASSWORD).
 */
public final class AdminSetUserPassword
        implements Operation<AdminSetUserPasswordRequest, AdminSetUserPasswordResponse> {

    @Override
    public AdminSetUserPasswordResponse execute(AdminSetUserPasswordRequest request, Call call) {
        UserStatus status = Boolean.TRUE.equals(request.permanent()) ? UserStatus.CONFIRMED
                : UserStatus.FORCE_CHANGE_PASSWORD;
        call.updateUser(request.userPoolId(), request.username(), (pool, user) -> {
            Passwords.check(pool.settings().passwordPolicy(), request.password(), Passwords.USER_PREFIX);
            return Credentials.of(pool.id(), user.username(), request.password(), call.random());
        }, (user, credentials) -> user.withCredentials(credentials, status, call.now()));
        return new AdminSetUserPasswordResponse();
    }
}
