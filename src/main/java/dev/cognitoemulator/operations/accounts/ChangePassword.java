package dev.cognitoemulator.operations.accounts;

import dev.cognitoemulator.domain.Credentials;
import dev.cognitoemulator.domain.Passwords;
import dev.cognitoemulator.domain.ThreatProtection;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.ChangePasswordRequest;
import dev.cognitoemulator.model.ChangePasswordResponse;
import dev.cognitoemulator.operations.auth.AccessTokens;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import java.util.List;

/**
 * The signed-in user changes their password: the previous one must match ({@code Incorrect username or password.},
 * captured: cognito-errors.md section 8), the new one meet the policy. Tokens stay valid (captured*:
 * aws-amplify/amplify-js#4168). PreviousPassword may be left out only by a user who has no password.
 */
public final class ChangePassword implements Operation<ChangePasswordRequest, ChangePasswordResponse> {

    @Override
    public ChangePasswordResponse execute(ChangePasswordRequest request, Call call) {
        // Whether the pool records auth events, as the last read before the write saw it.
        boolean[] recording = new boolean[1];
        AccessTokens.updateUser(call, request.accessToken(), (pool, user) -> {
            if (user.credentials() != null && (request.previousPassword() == null
                    || !user.hasPassword(request.previousPassword()))) {
                throw new CognitoException(ErrorCode.NotAuthorizedException, "Incorrect username or password.");
            }
            Passwords.check(pool.settings().passwordPolicy(), request.proposedPassword(), Passwords.USER_PREFIX);
            recording[0] = ThreatProtection.recording(pool);
            return Credentials.of(pool.id(), user.username(), request.proposedPassword(), call.random());
        }, (user, credentials) -> user.withCredentials(credentials, user.status(), call.now()));
        if (recording[0]) {
            // The user's PasswordChange auth event, in a second write: only pools with threat protection on pay it.
            AccessTokens.writeCaller(call, request.accessToken(), (pool, caller) -> {
                pool.putAuthEvent(ThreatProtection.event(call.random(), caller.user(), "PasswordChange", "Pass",
                        false, List.of(), call.sourceIp(), call.now()));
                return null;
            });
        }
        return new ChangePasswordResponse();
    }
}
