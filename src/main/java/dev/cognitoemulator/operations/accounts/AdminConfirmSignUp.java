package dev.cognitoemulator.operations.accounts;

import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.domain.UserStatus;
import dev.cognitoemulator.domain.VerificationCode;
import dev.cognitoemulator.model.AdminConfirmSignUpRequest;
import dev.cognitoemulator.model.AdminConfirmSignUpResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.triggers.Triggers;

/**
 * An administrator confirms a signed-up user without a code. Nothing becomes verified ("there might not be a
 * verified email or phone number", documented: signing-up-users-in-your-app.html; a console confirmation left
 * {@code email_verified=false}, amazon-cognito-identity-js#566); the sign-up code stops working.
 */
public final class AdminConfirmSignUp implements Operation<AdminConfirmSignUpRequest, AdminConfirmSignUpResponse> {

    @Override
    public AdminConfirmSignUpResponse execute(AdminConfirmSignUpRequest request, Call call) {
        PoolView.Snapshot confirmed = call.write(request.userPoolId(), pool -> {
            var user = pool.requireUser(request.username());
            // Unconfirmed text for this operation: ConfirmSignUp's.
            ConfirmSignUp.requireUnconfirmed(user);
            UserPool settings = pool.pool();
            User updated = user.withStatus(UserStatus.CONFIRMED, call.now());
            pool.put(updated);
            pool.removeCode(user.sub(), VerificationCode.SIGN_UP);
            return new PoolView.Snapshot(settings, updated);
        });
        // Documented: user-pool-lambda-post-confirmation.html (AdminConfirmSignUp invokes it, with no app client).
        call.services().triggers().postConfirmation(confirmed.pool(), null, confirmed.user(),
                Triggers.POST_CONFIRMATION_CONFIRM_SIGN_UP, request.clientMetadata());
        return new AdminConfirmSignUpResponse();
    }
}
