package dev.cognitoemulator.operations.auth;

import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.domain.UserStatus;
import dev.cognitoemulator.protocol.CognitoException;
import dev.cognitoemulator.protocol.ErrorCode;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.protocol.RequestContext;
import dev.cognitoemulator.store.UserPoolStore;
import java.time.Clock;
import java.util.Map;

/**
 * Makes a user reset their password: the current one stops working (RESET_REQUIRED) and sign-in answers
 * {@code PasswordResetRequiredException}. Cognito would send a code to the verified email or phone, so a
 * user without one is refused; the emulator sends nothing.
 */
public final class AdminResetUserPassword implements Operation<AdminResetUserPassword.AdminResetUserPasswordRequest> {

    private final UserPoolStore store;
    private final Clock clock;

    AdminResetUserPassword(UserPoolStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public record AdminResetUserPasswordRequest(String userPoolId, String username,
            Map<String, String> clientMetadata) {
    }

    public record AdminResetUserPasswordResponse() {
    }

    @Override
    public Class<AdminResetUserPasswordRequest> requestType() {
        return AdminResetUserPasswordRequest.class;
    }

    @Override
    public Object execute(AdminResetUserPasswordRequest request, RequestContext context) {
        return store.write(request.userPoolId(), pool -> {
            User user = UserLookup.find(pool, request.username());
            boolean reachable = ("true".equals(user.attributes().get("email_verified"))
                    && user.attributes().has("email"))
                    || ("true".equals(user.attributes().get("phone_number_verified"))
                    && user.attributes().has("phone_number"));
            if (!reachable) {
                // Captured for ForgotPassword (aws/aws-sdk-js-v3#7101); the same condition here.
                throw new CognitoException(ErrorCode.InvalidParameterException, "Cannot reset password for the user "
                        + "as there is no registered/verified email or phone_number");
            }
            pool.put(user.withPassword(null, UserStatus.RESET_REQUIRED, clock.instant()));
            return new AdminResetUserPasswordResponse();
        });
    }
}
