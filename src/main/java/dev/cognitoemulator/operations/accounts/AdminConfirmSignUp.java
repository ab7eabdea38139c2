package dev.cognitoemulator.operations.accounts;

import dev.cognitoemulator.domain.UserStatus;
import dev.cognitoemulator.domain.VerificationCode;
import dev.cognitoemulator.model.AdminConfirmSignUpRequest;
import dev.cognitoemulator.model.AdminConfirmSignUpResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/**
 * An administrator confirms a signed-up user without a code. Nothing becomes verified ("there might not be a
 * verified email or phone number", documented: signing-up-users-in-your-app.html; a console confirmation left
 * {@code email_verified=false}, amazon-cognito-identity-js#566); the sign-up code stops working.
 */
public final class AdminConfirmSignUp implements Operation<AdminConfirmSignUpRequest, AdminConfirmSignUpResponse> {

    @Override
    public AdminConfirmSignUpResponse execute(AdminConfirmSignUpRequest request, Call call) {
        call.write(request.userPoolId(), pool -> {
            var user = pool.requireUser(request.username());
            // Unconfirmed text for this operation: ConfirmSignUp's.
            ConfirmSignUp.requireUnconfirmed(user);
            pool.put(user.withStatus(UserStatus.CONFIRMED, call.now()));
            pool.removeCode(user.sub(), VerificationCode.SIGN_UP);
            return null;
        });
        return new AdminConfirmSignUpResponse();
    }
}
