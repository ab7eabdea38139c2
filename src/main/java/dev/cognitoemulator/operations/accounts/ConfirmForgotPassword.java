package dev.cognitoemulator.operations.accounts;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.Credentials;
import dev.cognitoemulator.domain.Passwords;
import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.domain.UserStatus;
import dev.cognitoemulator.domain.VerificationCode;
import dev.cognitoemulator.model.ConfirmForgotPasswordRequest;
import dev.cognitoemulator.model.ConfirmForgotPasswordResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.triggers.Triggers;

/**
 * The user types back the reset code with a new password (checked against the policy): the password is replaced, a
 * RESET_REQUIRED user is CONFIRMED again, and nobody is signed out (captured*: aws-amplify/amplify-js#6559). The code
 * works once, for an hour; the sixth wrong try is refused even with the right code (captured:
 * aws-amplify/amplify-ui-android#180).
 */
public final class ConfirmForgotPassword
        implements Operation<ConfirmForgotPasswordRequest, ConfirmForgotPasswordResponse> {

    static final int MAX_FAILURES = 5;

    @Override
    public ConfirmForgotPasswordResponse execute(ConfirmForgotPasswordRequest request, Call call) {
        String poolId = Accounts.poolOf(call, request.clientId());
        PoolView.Snapshot read = call.read(poolId, pool -> new PoolView.Snapshot(pool.pool(), user(pool, request)));
        Passwords.check(read.pool().settings().passwordPolicy(), request.password(), Passwords.USER_PREFIX);
        Credentials credentials = Credentials.of(poolId, read.user().username(), request.password(), call.random());
        Reset reset = call.write(poolId, pool -> {
            User user = user(pool, request);
            UserPool settings = pool.pool();
            AppClient client = pool.client(request.clientId());
            Accounts.Check outcome = Accounts.check(pool, user, VerificationCode.FORGOT_PASSWORD,
                    request.confirmationCode(), MAX_FAILURES, call);
            if (outcome != Accounts.Check.MATCHED) {
                return new Reset(outcome, null, null, null);
            }
            UserStatus status = user.status() == UserStatus.RESET_REQUIRED ? UserStatus.CONFIRMED : user.status();
            User updated = user.withCredentials(credentials, status, call.now());
            pool.put(updated);
            pool.removeCode(user.sub(), VerificationCode.FORGOT_PASSWORD);
            return new Reset(outcome, settings, client, updated);
        });
        if (reset.check() != Accounts.Check.MATCHED) {
            throw Accounts.refusal(reset.check());
        }
        // After the write (documented: user-pool-lambda-post-confirmation.html).
        call.services().triggers().postConfirmation(reset.pool(), reset.client(), reset.user(),
                Triggers.POST_CONFIRMATION_CONFIRM_FORGOT_PASSWORD, request.clientMetadata());
        return new ConfirmForgotPasswordResponse();
    }

    /** The code's check; for a match the pool, client and user with the new password. */
    private record Reset(Accounts.Check check, UserPool pool, AppClient client, User user) {
    }

    /**
     * The client (and SECRET_HASH) and the user; an unknown user is {@code UserNotFoundException}, or with
     * PreventUserExistenceErrors a wrong code, as is a disabled user then (documented: user-pool-managing-errors.html).
     */
    private static User user(PoolView pool, ConfirmForgotPasswordRequest request) {
        AppClient client = Accounts.client(pool, request.clientId(), request.secretHash(), request.username());
        User user = UserLookup.findOrNull(pool, request.username());
        if (user == null || (client.hidesUserExistence() && !user.enabled())) {
            throw Accounts.unknownUser(client, Accounts.refusal(Accounts.Check.MISMATCH));
        }
        return user;
    }
}
