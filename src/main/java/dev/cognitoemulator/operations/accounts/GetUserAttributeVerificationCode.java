package dev.cognitoemulator.operations.accounts;

import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.domain.VerificationCode;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.messages.Templates;
import dev.cognitoemulator.model.GetUserAttributeVerificationCodeRequest;
import dev.cognitoemulator.model.GetUserAttributeVerificationCodeResponse;
import dev.cognitoemulator.operations.auth.AccessTokens;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/**
 * A code to verify the signed-in user's email or phone number, for VerifyUserAttribute; to the value waiting for
 * verification when an update waits for one. Always the code template (links are for sign-up only: documented,
 * cognito-user-pool-settings-message-customizations.html).
 */
public final class GetUserAttributeVerificationCode implements
        Operation<GetUserAttributeVerificationCodeRequest, GetUserAttributeVerificationCodeResponse> {

    private record Sent(UserPool pool, User user, Accounts.Target target, VerificationCode code) {
    }

    @Override
    public GetUserAttributeVerificationCodeResponse execute(GetUserAttributeVerificationCodeRequest request,
            Call call) {
        String attribute = request.attributeName();
        Sent sent = AccessTokens.writeCaller(call, request.accessToken(), (pool, caller) -> {
            Accounts.requireVerifiable(attribute);
            User user = caller.user();
            String purpose = VerificationCode.attribute(attribute);
            VerificationCode waiting = pool.code(user.sub(), purpose);
            String pending = waiting == null ? null : waiting.pendingValue();
            Accounts.Target target = pending != null ? Accounts.target(attribute, pending)
                    : Accounts.target(attribute, user.attributes());
            if (target == null) {
                // Unconfirmed text: no capture of Cognito's answer for a user without the attribute.
                throw new CognitoException(ErrorCode.InvalidParameterException,
                        "User has no value for the attribute " + attribute);
            }
            VerificationCode code = Accounts.newCode(call, user, purpose, target, Accounts.ATTRIBUTE_VALIDITY,
                    pending);
            UserPool settings = pool.pool();
            pool.putCode(code);
            return new Sent(settings, user, target, code);
        });
        String code = sent.code().code();
        Accounts.send(call, sent.pool(), sent.user(), null, sent.target(), "VerifyUserAttribute", code, null,
                Templates.verification(sent.pool().settings(), sent.target().medium(), code, null),
                request.clientMetadata());
        return new GetUserAttributeVerificationCodeResponse(sent.target().details());
    }
}
