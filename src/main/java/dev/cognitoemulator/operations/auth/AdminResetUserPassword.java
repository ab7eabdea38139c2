package dev.cognitoemulator.operations.auth;

import dev.cognitoemulator.domain.UserStatus;
import dev.cognitoemulator.model.AdminResetUserPasswordRequest;
import dev.cognitoemulator.model.AdminResetUserPasswordResponse;
import dev.cognitoemulator.operations.accounts.ForgotPassword;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/**
 * Makes a user reset their password: the current one stops working (RESET_REQUIRED, and sign-in answers
 * {@code PasswordResetRequiredException}) and a reset code goes to the verified contact, as ForgotPassword sends it,
 * for ConfirmForgotPassword (documented: API_AdminResetUserPassword). The refusals are ForgotPassword's.
 */
public final class AdminResetUserPassword
        implements Operation<AdminResetUserPasswordRequest, AdminResetUserPasswordResponse> {

    @Override
    public AdminResetUserPasswordResponse execute(AdminResetUserPasswordRequest request, Call call) {
        ForgotPassword.Reset reset = call.write(request.userPoolId(), pool -> {
            var user = pool.requireUser(request.username());
            ForgotPassword.Reset started = ForgotPassword.start(pool, null, user, call);
            pool.put(user.withCredentials(null, UserStatus.RESET_REQUIRED, call.now()));
            return started;
        });
        ForgotPassword.send(call, reset, request.clientMetadata());
        return new AdminResetUserPasswordResponse();
    }
}
