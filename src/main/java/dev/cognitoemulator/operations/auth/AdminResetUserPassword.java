package dev.cognitoemulator.operations.auth;

import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserStatus;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.AdminResetUserPasswordRequest;
import dev.cognitoemulator.model.AdminResetUserPasswordResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/**
 * Makes a user reset their password: the current one stops working (RESET_REQUIRED) and sign-in answers
 * {@code PasswordResetRequiredException}. Cognito would send a code to the verified email or phone, so a
 * user without one is refused; the emulator sends nothing.
 */
public final class AdminResetUserPassword
        implements Operation<AdminResetUserPasswordRequest, AdminResetUserPasswordResponse> {

    @Override
    public AdminResetUserPasswordResponse execute(AdminResetUserPasswordRequest request, Call call) {
        call.updateUser(request.userPoolId(), request.username(), user -> {
            if (!reachable(user)) {
                // Captured for ForgotPassword (aws/aws-sdk-js-v3#7101); the same condition here.
                throw new CognitoException(ErrorCode.InvalidParameterException, "Cannot reset password for the user "
                        + "as there is no registered/verified email or phone_number");
            }
            return user.withCredentials(null, UserStatus.RESET_REQUIRED, call.now());
        });
        return new AdminResetUserPasswordResponse();
    }

    private static boolean reachable(User user) {
        return ("true".equals(user.attributes().get("email_verified")) && user.attributes().has("email"))
                || ("true".equals(user.attributes().get("phone_number_verified"))
                && user.attributes().has("phone_number"));
    }
}
